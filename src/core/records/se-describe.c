/* se-describe.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-agreement.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-approval.h"

/* How a record is named in lists, links and printed documents, in the
 * language of the user interface. */

/**
 * se_describe_reference:
 * @store: the store
 * @record: a record
 * @field: a reference field of @record
 *
 * Returns: (transfer full): the title of the record @field refers to, or ""
 */
char *
se_describe_reference (SeStore    *store,
                       SeRecord   *record,
                       const char *field)
{
  const SeField *f = se_record_class_find_field (SE_RECORD_GET_CLASS (record), field);
  g_autoptr(SeRecord) target = NULL;

  g_return_val_if_fail (f != NULL && f->type == SE_FIELD_REFERENCE, g_strdup (""));

  target = se_store_lookup (store, f->target (), se_record_get_reference (record, field));
  return target != NULL ? se_describe_title (store, target) : g_strdup ("");
}

/**
 * se_describe_period:
 *
 * Returns: (transfer full): "06.07.2023", "28.02.2022 – 04.03.2022",
 *   "since 1949" and the like, in the locale's date format
 */
char *
se_describe_period (const char *start,
                    const char *end)
{
  g_autofree char *s = se_date_format (start);
  g_autofree char *e = se_date_format (end);

  if (start == NULL && end == NULL)
    return g_strdup ("");
  if (end == NULL)
    /* Translators: a period with no end, %s is a date or a year */
    return g_strdup_printf (_("since %s"), s);
  if (start == NULL)
    /* Translators: a period with no known start, %s is a date or a year */
    return g_strdup_printf (_("until %s"), e);
  if (g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&s);
  /* Translators: a period from one date to another */
  return g_strdup_printf (_("%s – %s"), s, e);
}

static char *
two_parties (SeStore    *store,
             SeRecord   *record,
             const char *a,
             const char *b)
{
  g_autofree char *name_a = se_describe_reference (store, record, a);
  g_autofree char *name_b = se_describe_reference (store, record, b);

  /* Translators: the two sides of a partnership, e.g. "Stadt Essen – Sunderland City Council" */
  return g_strdup_printf (C_("two parties", "%s – %s"), name_a, name_b);
}

/**
 * se_describe_title:
 *
 * Returns: (transfer full): the name of @record as lists show it
 */
char *
se_describe_title (SeStore  *store,
                   SeRecord *record)
{
  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_RECORD (record), NULL);

  if (SE_IS_PARTNERSHIP (record) && se_record_get_string (record, "title") == NULL)
    return two_parties (store, record, "organisation-a-id", "organisation-b-id");

  if (SE_IS_PREREQUISITE (record))
    return g_strdup (se_enum_get_label (SE_TYPE_PREREQUISITE_KIND,
                                        se_record_get_int (record, "kind")));

  if (SE_IS_PARTICIPANT (record))
    return se_describe_reference (store, record, "person-id");

  if ((SE_IS_SIGNATORY (record) || SE_IS_APPROVAL (record))
      && se_record_get_reference (record, "person-id") != 0)
    return se_describe_reference (store, record, "person-id");

  if (SE_IS_PLACEMENT_TOPIC (record))
    return se_describe_reference (store, record, "topic-id");

  return se_record_dup_title (record);
}

static char *
join (const char *a,
      const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b != NULL ? b : "");
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  /* Translators: separates two facts in a list row, e.g. "Job swap · 28.02.2022" */
  return g_strdup_printf (C_("facts separator", "%s · %s"), a, b);
}

/**
 * se_describe_subtitle:
 *
 * Returns: (transfer full): a line of the most telling facts of @record
 */
char *
se_describe_subtitle (SeStore  *store,
                      SeRecord *record)
{
  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_RECORD (record), NULL);

  if (SE_IS_PLACEMENT (record))
    {
      g_autofree char *period = se_describe_period (se_record_get_string (record, "start-date"),
                                                    se_record_get_string (record, "end-date"));
      const char *kind = se_enum_get_label (SE_TYPE_PLACEMENT_KIND,
                                            se_record_get_int (record, "kind"));
      g_autofree char *a = join (kind, period);
      return join (a, se_record_get_string (record, "location"));
    }

  if (SE_IS_AGREEMENT (record))
    {
      g_autofree char *parties = two_parties (store, record, "party-a-id", "party-b-id");
      g_autofree char *period = se_describe_period (se_record_get_string (record, "valid-from"),
                                                    se_record_get_string (record, "valid-until"));
      const char *kind = se_enum_get_label (SE_TYPE_AGREEMENT_KIND,
                                            se_record_get_int (record, "kind"));
      g_autofree char *a = join (kind, parties);
      return join (a, period);
    }

  if (SE_IS_PARTNERSHIP (record))
    {
      g_autofree char *period = se_describe_period (se_record_get_string (record, "since"),
                                                    se_record_get_string (record, "until"));
      const char *kind = se_enum_get_label (SE_TYPE_PARTNERSHIP_KIND,
                                            se_record_get_int (record, "kind"));
      g_autofree char *parties = NULL;
      g_autofree char *a = NULL;

      if (se_record_get_string (record, "title") != NULL)
        parties = two_parties (store, record, "organisation-a-id", "organisation-b-id");
      a = join (kind, parties);
      return join (a, period);
    }

  if (SE_IS_ORGANISATION (record))
    {
      const char *kind = se_enum_get_label (SE_TYPE_ORGANISATION_KIND,
                                            se_record_get_int (record, "kind"));
      g_autofree char *a = join (kind, se_record_get_string (record, "region"));
      return join (a, se_record_get_string (record, "country"));
    }

  if (SE_IS_PERSON (record))
    {
      g_autofree char *org = se_describe_reference (store, record, "organisation-id");
      return join (se_record_get_string (record, "function"), org);
    }

  if (SE_IS_PARTICIPANT (record))
    {
      const char *role = se_enum_get_label (SE_TYPE_PARTICIPANT_ROLE,
                                            se_record_get_int (record, "role"));
      g_autofree char *home = se_describe_reference (store, record, "home-organisation-id");
      g_autofree char *host = se_describe_reference (store, record, "host-organisation-id");
      /* Translators: from the home organisation to the host organisation */
      g_autofree char *route = g_strdup_printf (C_("participant route", "%s → %s"), home, host);
      return join (role, route);
    }

  if (SE_IS_PROGRAMME_ITEM (record))
    {
      g_autofree char *date = se_date_format (se_record_get_string (record, "date"));
      const char *from = se_record_get_string (record, "start-time");
      const char *to = se_record_get_string (record, "end-time");
      g_autofree char *time = NULL;
      g_autofree char *when = NULL;

      if (from != NULL && to != NULL)
        /* Translators: a span of time of day, e.g. "09:00–09:10" */
        time = g_strdup_printf (C_("time span", "%s–%s"), from, to);
      else
        time = g_strdup (from);
      when = join (date, time);
      return join (when, se_record_get_string (record, "location"));
    }

  if (SE_IS_SIGNATORY (record) || SE_IS_APPROVAL (record))
    {
      const char *date = se_record_get_string (record, SE_IS_SIGNATORY (record) ? "signed-on"
                                                                                 : "approved-on");
      g_autofree char *formatted = se_date_format (date);
      g_autofree char *a = NULL;

      if (SE_IS_SIGNATORY (record))
        a = join (se_enum_get_label (SE_TYPE_PARTY, se_record_get_int (record, "party")),
                  se_record_get_string (record, "function"));
      else
        a = g_strdup (se_record_get_string (record, "function"));
      return join (a, formatted);
    }

  if (SE_IS_PREREQUISITE (record))
    {
      const char *date = se_record_get_string (record, "fulfilled-on");
      g_autofree char *formatted = se_date_format (date);
      /* Translators: a prerequisite fulfilled on a date */
      g_autofree char *state = date != NULL ? g_strdup_printf (_("fulfilled on %s"), formatted)
                                            : g_strdup (_("not yet fulfilled"));
      return join (se_record_get_string (record, "description"), state);
    }

  return g_strdup ("");
}
