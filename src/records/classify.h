/*
 * classify.h - the records layer's internals used by the layers above it.
 */
#ifndef HRR_CLASSIFY_H
#define HRR_CLASSIFY_H

#include "store/store.h"

/* Classify every item as country-specific (with its target state) or
 * thematic (src/records/classify.c); *NCOUNTRY: how many are country-specific. */
hrr_err_t hrr_i_classify(hrr_store_t *st, long *ncountry);

#endif
