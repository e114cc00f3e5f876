/* se-signatory.c
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
#include "se-person.h"
#include "se-signatory.h"

/* Who signed an agreement on one side, in which function and when. */

struct _SeSignatory
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeSignatory, se_signatory, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "agreement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Agreement"), se_agreement_get_type, NULL },
  { "party", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Side"), se_party_get_type, NULL },
  { "person-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Person"), se_person_get_type, NULL },
  { "name", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Name"), NULL, NULL },
  { "function", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Function"), NULL, NULL },
  { "signed-on", SE_FIELD_DATE, SE_FIELD_FLAGS_NONE, N_("Signed on"), NULL, NULL },
};

static gboolean
se_signatory_validate (SeRecord    *record,
                       const char **field,
                       GError     **error)
{
  if (se_record_get_reference (record, "person-id") == 0
      && se_record_get_string (record, "name") == NULL)
    {
      if (field != NULL)
        *field = "name";
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_NAME_OR_PERSON,
                           _("A signatory needs a person or a name. Pick a person or type the name."));
      return FALSE;
    }

  return TRUE;
}

static void
se_signatory_class_init (SeSignatoryClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "signatory", N_("Signatory"),
                                  fields, G_N_ELEMENTS (fields));

  record_class->validate = se_signatory_validate;
}

static void
se_signatory_init (SeSignatory *self)
{
}

SeSignatory *
se_signatory_new (void)
{
  return g_object_new (SE_TYPE_SIGNATORY, NULL);
}
