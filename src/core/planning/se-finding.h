/* se-finding.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SeCheckRule:
 *
 * The consistency checks of se_checks_run(). The nicks are stored in the
 * `dismissal` table: never change one without a migration.
 */
typedef enum
{
  SE_CHECK_RULE_OVERLAPPING_PLACEMENTS,
  SE_CHECK_RULE_OUTSIDE_AGREEMENT,
  SE_CHECK_RULE_OUTSIDE_PARTNERSHIP,
  SE_CHECK_RULE_NO_NON_DISCLOSURE,
  SE_CHECK_RULE_QUOTA_EXCEEDED,
  SE_CHECK_RULE_AGREEMENT_EXPIRING,
  SE_CHECK_RULE_AGREEMENT_EXPIRED,
  SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
  SE_CHECK_RULE_NO_MENTOR,
} SeCheckRule;

/**
 * SeSeverity:
 * @SE_SEVERITY_INFO: worth knowing (an agreement runs out soon)
 * @SE_SEVERITY_WARNING: probably needs attention (a quota exceeded)
 * @SE_SEVERITY_ERROR: cannot be right as recorded (a person in two places)
 */
typedef enum
{
  SE_SEVERITY_INFO,
  SE_SEVERITY_WARNING,
  SE_SEVERITY_ERROR,
} SeSeverity;

#define SE_TYPE_CHECK_RULE (se_check_rule_get_type ())
#define SE_TYPE_SEVERITY (se_severity_get_type ())

GType se_check_rule_get_type (void) G_GNUC_CONST;
GType se_severity_get_type (void) G_GNUC_CONST;

const char *se_check_rule_get_label (SeCheckRule rule);
const char *se_severity_get_label   (SeSeverity  severity);

#define SE_TYPE_FINDING (se_finding_get_type ())

G_DECLARE_FINAL_TYPE (SeFinding, se_finding, SE, FINDING, GObject)

SeFinding   *se_finding_new               (SeCheckRule  rule,
                                           SeSeverity   severity,
                                           GType        record_type,
                                           gint64       record_id,
                                           const char  *message);
void         se_finding_set_related       (SeFinding   *self,
                                           GType        record_type,
                                           gint64       record_id);

SeCheckRule  se_finding_get_rule          (SeFinding   *self);
SeSeverity   se_finding_get_severity      (SeFinding   *self);
GType        se_finding_get_record_type   (SeFinding   *self);
gint64       se_finding_get_record_id     (SeFinding   *self);
const char  *se_finding_get_record_table  (SeFinding   *self);
GType        se_finding_get_related_type  (SeFinding   *self);
gint64       se_finding_get_related_id    (SeFinding   *self);
const char  *se_finding_get_message       (SeFinding   *self);

G_END_DECLS
