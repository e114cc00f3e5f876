/* se-finding.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-planning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-finding.h"
#include "se-record.h"

/* One thing the consistency checks found: which rule, how serious, the
 * record it is about (and a second one where that helps, such as the other
 * of two overlapping placements) and a sentence that names the records and
 * dates and says what to do. Findings are made by se_checks_run() and do
 * not change afterwards; the properties are read-only for that reason. */

G_DEFINE_ENUM_TYPE (SeCheckRule, se_check_rule,
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, "overlapping-placements"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_OUTSIDE_AGREEMENT, "outside-agreement"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, "outside-partnership"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_NO_NON_DISCLOSURE, "no-non-disclosure"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_QUOTA_EXCEEDED, "quota-exceeded"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_AGREEMENT_EXPIRING, "agreement-expiring"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_AGREEMENT_EXPIRED, "agreement-expired"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                       "partnership-without-agreement"),
  G_DEFINE_ENUM_VALUE (SE_CHECK_RULE_NO_MENTOR, "no-mentor"))

G_DEFINE_ENUM_TYPE (SeSeverity, se_severity,
  G_DEFINE_ENUM_VALUE (SE_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (SE_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (SE_SEVERITY_ERROR, "error"))

/**
 * se_check_rule_get_label:
 *
 * Returns: (transfer none): a short translated name of @rule, for headings
 *   and filters
 */
const char *
se_check_rule_get_label (SeCheckRule rule)
{
  switch (rule)
    {
    case SE_CHECK_RULE_OVERLAPPING_PLACEMENTS:
      return C_("check rule", "Person in overlapping placements");
    case SE_CHECK_RULE_OUTSIDE_AGREEMENT:
      return C_("check rule", "Placement outside its agreement’s validity");
    case SE_CHECK_RULE_OUTSIDE_PARTNERSHIP:
      return C_("check rule", "Placement outside its partnership’s period");
    case SE_CHECK_RULE_NO_NON_DISCLOSURE:
      return C_("check rule", "No signed non-disclosure declaration");
    case SE_CHECK_RULE_QUOTA_EXCEEDED:
      return C_("check rule", "Quota exceeded");
    case SE_CHECK_RULE_AGREEMENT_EXPIRING:
      return C_("check rule", "Agreement expires soon");
    case SE_CHECK_RULE_AGREEMENT_EXPIRED:
      return C_("check rule", "Agreement expired with placements still planned");
    case SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT:
      return C_("check rule", "Partnership without agreement");
    case SE_CHECK_RULE_NO_MENTOR:
      return C_("check rule", "No mentor at the host");
    default:
      return NULL;
    }
}

const char *
se_severity_get_label (SeSeverity severity)
{
  switch (severity)
    {
    case SE_SEVERITY_INFO: return C_("severity", "Note");
    case SE_SEVERITY_WARNING: return C_("severity", "Warning");
    case SE_SEVERITY_ERROR: return C_("severity", "Error");
    default: return NULL;
    }
}

struct _SeFinding
{
  GObject      parent_instance;

  SeCheckRule  rule;
  SeSeverity   severity;
  GType        record_type;
  gint64       record_id;
  GType        related_type;
  gint64       related_id;
  char        *message;
};

G_DEFINE_FINAL_TYPE (SeFinding, se_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_RECORD_TYPE,
  PROP_RECORD_ID,
  PROP_RELATED_TYPE,
  PROP_RELATED_ID,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
se_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SeFinding *self = SE_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE: g_value_set_enum (value, self->rule); break;
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_RECORD_TYPE: g_value_set_gtype (value, self->record_type); break;
    case PROP_RECORD_ID: g_value_set_int64 (value, self->record_id); break;
    case PROP_RELATED_TYPE: g_value_set_gtype (value, self->related_type); break;
    case PROP_RELATED_ID: g_value_set_int64 (value, self->related_id); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_finding_finalize (GObject *object)
{
  SeFinding *self = SE_FINDING (object);

  g_free (self->message);

  G_OBJECT_CLASS (se_finding_parent_class)->finalize (object);
}

static void
se_finding_class_init (SeFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = se_finding_get_property;
  object_class->finalize = se_finding_finalize;

  properties[PROP_RULE] = g_param_spec_enum ("rule", NULL, NULL, SE_TYPE_CHECK_RULE,
                                             SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, SE_TYPE_SEVERITY,
                                                 SE_SEVERITY_INFO, flags);
  properties[PROP_RECORD_TYPE] = g_param_spec_gtype ("record-type", NULL, NULL,
                                                     G_TYPE_NONE, flags);
  properties[PROP_RECORD_ID] = g_param_spec_int64 ("record-id", NULL, NULL,
                                                   0, G_MAXINT64, 0, flags);
  properties[PROP_RELATED_TYPE] = g_param_spec_gtype ("related-type", NULL, NULL,
                                                      G_TYPE_NONE, flags);
  properties[PROP_RELATED_ID] = g_param_spec_int64 ("related-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
se_finding_init (SeFinding *self)
{
  self->record_type = G_TYPE_NONE;
  self->related_type = G_TYPE_NONE;
}

/**
 * se_finding_new:
 * @rule: the rule that found it
 * @severity: how serious it is
 * @record_type: the kind of record it is about, e.g. %SE_TYPE_PLACEMENT
 * @record_id: that record's id
 * @message: one translated sentence that names the records and says what to do
 *
 * Returns: (transfer full): a new finding
 */
SeFinding *
se_finding_new (SeCheckRule  rule,
                SeSeverity   severity,
                GType        record_type,
                gint64       record_id,
                const char  *message)
{
  SeFinding *self;

  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (SE_TYPE_FINDING, NULL);
  self->rule = rule;
  self->severity = severity;
  self->record_type = record_type;
  self->record_id = record_id;
  self->message = g_strdup (message);
  return self;
}

/* A second record the finding concerns, for a second link. */
void
se_finding_set_related (SeFinding *self,
                        GType      record_type,
                        gint64     record_id)
{
  g_return_if_fail (SE_IS_FINDING (self));
  g_return_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD));

  self->related_type = record_type;
  self->related_id = record_id;
}

SeCheckRule
se_finding_get_rule (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), 0);
  return self->rule;
}

SeSeverity
se_finding_get_severity (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), 0);
  return self->severity;
}

GType
se_finding_get_record_type (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), G_TYPE_NONE);
  return self->record_type;
}

gint64
se_finding_get_record_id (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), 0);
  return self->record_id;
}

/**
 * se_finding_get_record_table:
 *
 * Returns: (transfer none): the table of the record, "placement" and the
 *   like: how dismissals and the command line name it
 */
const char *
se_finding_get_record_table (SeFinding *self)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (SE_IS_FINDING (self), NULL);

  /* Record classes are never unloaded: the table name outlives the ref. */
  klass = g_type_class_ref (self->record_type);
  return se_record_class_get_table (SE_RECORD_CLASS (klass));
}

/**
 * se_finding_get_related_type:
 *
 * Returns: the kind of the second record, or %G_TYPE_NONE if there is none
 */
GType
se_finding_get_related_type (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), G_TYPE_NONE);
  return self->related_type;
}

gint64
se_finding_get_related_id (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), 0);
  return self->related_id;
}

const char *
se_finding_get_message (SeFinding *self)
{
  g_return_val_if_fail (SE_IS_FINDING (self), NULL);
  return self->message;
}
