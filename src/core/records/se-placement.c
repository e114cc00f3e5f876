/* se-placement.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-enums.h"
#include "se-error.h"
#include "se-agreement.h"
#include "se-partnership.h"
#include "se-placement.h"

/* An exchange activity: a hospitation, a job swap, a virtual placement, a secondment, a delegation visit or a working meeting. */

struct _SePlacement
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SePlacement, se_placement, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "kind", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Kind"), se_placement_kind_get_type, NULL },
  { "title", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Title"), NULL, NULL },
  { "start-date", SE_FIELD_DATE, SE_FIELD_FLAGS_REQUIRED, N_("Start"), NULL, NULL },
  { "end-date", SE_FIELD_DATE, SE_FIELD_FLAGS_REQUIRED, N_("End"), NULL, "start-date" },
  { "format", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Format"), se_placement_format_get_type, NULL },
  { "location", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Place"), NULL, NULL },
  { "status", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Status"), se_placement_status_get_type, NULL },
  { "partnership-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Partnership"), se_partnership_get_type, NULL },
  { "agreement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Covering agreement"), se_agreement_get_type, NULL },
  { "confidential", SE_FIELD_BOOLEAN, SE_FIELD_FLAGS_NONE, N_("Confidentiality required"), NULL, NULL },
  { "goals", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Goals and tasks"), NULL, NULL },
  { "outcome", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Outcome"), NULL, NULL },
};

static void
se_placement_class_init (SePlacementClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "placement", N_("Placement"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_placement_init (SePlacement *self)
{
}

SePlacement *
se_placement_new (void)
{
  return g_object_new (SE_TYPE_PLACEMENT, NULL);
}
