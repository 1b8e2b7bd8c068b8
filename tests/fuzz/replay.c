/*
 * replay.c - the fuzz corpora replayed by the ordinary suite: a main that
 * feeds every file of the folders (or files) it is given to the fuzz
 * target it is linked with (tests/fuzz/fuzz_NAME.c), once each, as
 * libFuzzer would. Built for each target with a corpus in
 * tests/fuzz/corpus/NAME/ (CMakeLists.txt); a crash, a hang (CTest's
 * timeout) or a sanitizer report (the asan build) fails the test.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int one(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return fprintf(stderr, "replay: %s: cannot read\n", path), 1;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n == cap) {
            unsigned char *b = realloc(buf, cap = cap ? 2 * cap : 4096);
            if (!b) return fclose(f), free(buf), 1;
            buf = b;
        }
        n += got = fread(buf + n, 1, cap - n, f);
    } while (got);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    long nfiles = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) return fprintf(stderr, "replay: %s: no such file\n", argv[i]), 1;
        if (!S_ISDIR(sb.st_mode)) {
            if (one(argv[i])) return 1;
            nfiles++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        char **names = NULL;
        size_t nn = 0;
        while (d && (e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char **p = realloc(names, (nn + 1) * sizeof *p);
            if (!p) return 1;
            names = p;
            size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
            if (!(names[nn] = malloc(len))) return 1;
            snprintf(names[nn++], len, "%s/%s", argv[i], e->d_name);
        }
        if (d) closedir(d);
        if (nn) qsort(names, nn, sizeof *names, cmp); /* the same order on every run */
        for (size_t k = 0; k < nn; k++) {
            if (one(names[k])) return 1;
            nfiles++;
            free(names[k]);
        }
        free(names);
    }
    /* the targets' scratch folder (harness.h: fuzz_file) */
    char dir[64], path[400];
    snprintf(dir, sizeof dir, "/tmp/hrr-fuzz-%d", (int)getpid());
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d) closedir(d);
    rmdir(dir);
    printf("replayed %ld inputs\n", nfiles);
    return 0;
}
