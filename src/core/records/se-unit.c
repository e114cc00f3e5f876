/* se-unit.c
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
#include "se-organisation.h"
#include "se-unit.h"

/* A part of an organisation: the HR department, the social welfare office, the mayor's office. */

struct _SeUnit
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeUnit, se_unit, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "organisation-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Organisation"), se_organisation_get_type, NULL },
  { "name", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Name"), NULL, NULL },
};

static void
se_unit_class_init (SeUnitClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "unit", N_("Unit"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_unit_init (SeUnit *self)
{
}

SeUnit *
se_unit_new (void)
{
  return g_object_new (SE_TYPE_UNIT, NULL);
}
