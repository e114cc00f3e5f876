/* se-approval.c
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
#include "se-approval.h"
#include "se-person.h"

/* A consent an agreement needs, such as the district heads' consent to the job centres' cooperation. */

struct _SeApproval
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeApproval, se_approval, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "agreement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Agreement"), se_agreement_get_type, NULL },
  { "person-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Person"), se_person_get_type, NULL },
  { "name", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Name"), NULL, NULL },
  { "function", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Function"), NULL, NULL },
  { "approved-on", SE_FIELD_DATE, SE_FIELD_FLAGS_NONE, N_("Approved on"), NULL, NULL },
  { "note", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Note"), NULL, NULL },
};

static gboolean
se_approval_validate (SeRecord    *record,
                      const char **field,
                      GError     **error)
{
  if (se_record_get_reference (record, "person-id") == 0
      && se_record_get_string (record, "name") == NULL)
    {
      if (field != NULL)
        *field = "name";
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_NAME_OR_PERSON,
                           _("An approval needs a person or a name. Pick a person or type the name."));
      return FALSE;
    }

  return TRUE;
}

static void
se_approval_class_init (SeApprovalClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "approval", N_("Approval"),
                                  fields, G_N_ELEMENTS (fields));

  record_class->validate = se_approval_validate;
}

static void
se_approval_init (SeApproval *self)
{
}

SeApproval *
se_approval_new (void)
{
  return g_object_new (SE_TYPE_APPROVAL, NULL);
}
