/* se-agreement.c
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
#include "se-organisation.h"
#include "se-partnership.h"

/* A cooperation agreement, a hospitation agreement, a non-disclosure declaration or a charter between two parties, usually under a partnership. */

struct _SeAgreement
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeAgreement, se_agreement, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "partnership-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Partnership"), se_partnership_get_type, NULL },
  { "party-a-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("First party"), se_organisation_get_type, NULL },
  { "party-b-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("Second party"), se_organisation_get_type, NULL },
  { "kind", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Kind"), se_agreement_kind_get_type, NULL },
  { "reference", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Reference number"), NULL, NULL },
  { "title", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Title"), NULL, NULL },
  { "status", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Status"), se_agreement_status_get_type, NULL },
  { "valid-from", SE_FIELD_DATE, SE_FIELD_FLAGS_NONE, N_("Valid from"), NULL, NULL },
  { "valid-until", SE_FIELD_DATE, SE_FIELD_FLAGS_NONE, N_("Valid until"), NULL, "valid-from" },
  /* The yearly quota per direction in persons and person-days, as se-quota.c
   * counts them; the names (and columns) are older than that meaning. */
  { "quota-placements", SE_FIELD_INT, SE_FIELD_FLAGS_NONE, N_("Persons per year and direction"), NULL, NULL },
  { "quota-days", SE_FIELD_INT, SE_FIELD_FLAGS_NONE, N_("Person-days per year and direction"), NULL, NULL },
  { "confidential", SE_FIELD_BOOLEAN, SE_FIELD_FLAGS_NONE, N_("Confidentiality required"), NULL, NULL },
  { "amends-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Amends agreement"), se_agreement_get_type, NULL },
  { "terms", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Terms"), NULL, NULL },
  { "document-name", SE_FIELD_TEXT, SE_FIELD_FLAGS_STORE_OWNED, N_("Signed document"), NULL, NULL },
};

static gboolean
se_agreement_validate (SeRecord    *record,
                       const char **field,
                       GError     **error)
{
  gint64 a = se_record_get_reference (record, "party-a-id");
  gint64 b = se_record_get_reference (record, "party-b-id");

  if (a != 0 && a == b)
    {
      if (field != NULL)
        *field = "party-b-id";
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_SAME_ORGANISATION,
                           _("An agreement needs two different parties. Pick another second party."));
      return FALSE;
    }

  return TRUE;
}

static void
se_agreement_class_init (SeAgreementClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "agreement", N_("Agreement"),
                                  fields, G_N_ELEMENTS (fields));

  record_class->validate = se_agreement_validate;
}

static void
se_agreement_init (SeAgreement *self)
{
}

SeAgreement *
se_agreement_new (void)
{
  return g_object_new (SE_TYPE_AGREEMENT, NULL);
}
