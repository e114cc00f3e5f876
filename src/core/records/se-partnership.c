/* se-partnership.c
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
#include "se-partnership.h"
#include "se-person.h"

/* A town twinning, a district partnership or a cooperation between two organisations. */

struct _SePartnership
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SePartnership, se_partnership, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "title", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Title"), NULL, NULL },
  { "organisation-a-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("First organisation"), se_organisation_get_type, NULL },
  { "organisation-b-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("Second organisation"), se_organisation_get_type, NULL },
  { "kind", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Kind"), se_partnership_kind_get_type, NULL },
  { "since", SE_FIELD_PARTIAL_DATE, SE_FIELD_FLAGS_NONE, N_("Since"), NULL, NULL },
  { "until", SE_FIELD_PARTIAL_DATE, SE_FIELD_FLAGS_NONE, N_("Until"), NULL, "since" },
  { "status", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Status"), se_partnership_status_get_type, NULL },
  { "contact-a-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_WEAK, N_("Contact of the first organisation"), se_person_get_type, NULL },
  { "contact-b-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_WEAK, N_("Contact of the second organisation"), se_person_get_type, NULL },
  { "parent-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Part of partnership"), se_partnership_get_type, NULL },
  { "description", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Description"), NULL, NULL },
};

static gboolean
se_partnership_validate (SeRecord    *record,
                         const char **field,
                         GError     **error)
{
  gint64 a = se_record_get_reference (record, "organisation-a-id");
  gint64 b = se_record_get_reference (record, "organisation-b-id");

  if (a != 0 && a == b)
    {
      if (field != NULL)
        *field = "organisation-b-id";
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_SAME_ORGANISATION,
                           _("A partnership needs two different organisations. Pick another second organisation."));
      return FALSE;
    }

  return TRUE;
}

static void
se_partnership_class_init (SePartnershipClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "partnership", N_("Partnership"),
                                  fields, G_N_ELEMENTS (fields));

  record_class->validate = se_partnership_validate;
}

static void
se_partnership_init (SePartnership *self)
{
}

SePartnership *
se_partnership_new (void)
{
  return g_object_new (SE_TYPE_PARTNERSHIP, NULL);
}
