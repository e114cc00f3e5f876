/* se-prerequisite.c
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
#include "se-placement.h"
#include "se-prerequisite.h"

/* What must be in place before a placement starts: a signed non-disclosure declaration, the employer's approval. */

struct _SePrerequisite
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SePrerequisite, se_prerequisite, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "placement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Placement"), se_placement_get_type, NULL },
  { "kind", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Kind"), se_prerequisite_kind_get_type, NULL },
  { "description", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Description"), NULL, NULL },
  { "agreement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_WEAK, N_("Agreement"), se_agreement_get_type, NULL },
  { "fulfilled-on", SE_FIELD_DATE, SE_FIELD_FLAGS_NONE, N_("Fulfilled on"), NULL, NULL },
};

static void
se_prerequisite_class_init (SePrerequisiteClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "prerequisite", N_("Prerequisite"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_prerequisite_init (SePrerequisite *self)
{
}

SePrerequisite *
se_prerequisite_new (void)
{
  return g_object_new (SE_TYPE_PREREQUISITE, NULL);
}
