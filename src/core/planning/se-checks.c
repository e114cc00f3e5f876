/* se-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-planning"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-agreement.h"
#include "se-checks.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-quota.h"
#include "se-store-checks.h"
#include "se-store-jobs.h"

/* The rules are described in se-checks.h. Each asks the store for its
 * candidates only (se-store-checks.c: one query a rule, over the indexes),
 * row by row, so that a run holds the findings and little else, however
 * many placements there are; the record lists are not loaded. The rows
 * bring the placement's title and dates the messages need; the few other
 * records a message names (an agreement, a partnership, an organisation, a
 * person) are looked up once a run and described as lists show them.
 */

#define KEY(id) GSIZE_TO_POINTER ((gsize) (id))

/* How a record is named in the messages, looked up once a run. */
typedef struct
{
  char *title;
  char *period;
} Described;

/* A signature on a signed non-disclosure agreement (rule no-non-disclosure) */
typedef struct
{
  gint64  party_a_id;
  char   *valid_until;
  SeParty party;
  char   *signed_on;
} Signature;

typedef struct
{
  SeStore    *store;
  const char *today;
  GPtrArray  *findings;
  GHashTable *dismissed;

  GHashTable *described;           /* GType, | 1 with the period -> (id -> Described) */

  /* Rule no-non-disclosure, loaded when it has a guest to look at */
  GHashTable *parents;             /* organisation id -> parent id */
  GHashTable *signatures;          /* "min:max" of the parties -> GPtrArray of Signature */

  /* Rule quota-exceeded: agreement id -> Quota */
  GHashTable *quotas;
  /* Rule agreement-expired: agreement id -> Expired */
  GHashTable *expired;

  GError     *error;
} Run;

static void
described_free (gpointer data)
{
  Described *d = data;

  /* A record that is not there is remembered as NULL. */
  if (d == NULL)
    return;
  g_free (d->title);
  g_free (d->period);
  g_free (d);
}

static void
signature_free (gpointer data)
{
  Signature *s = data;

  g_free (s->valid_until);
  g_free (s->signed_on);
  g_free (s);
}

static GHashTable *
described_of (Run      *run,
              GType     type,
              gboolean  with_period)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) type | (with_period ? 1 : 0));
  GHashTable *of_type = g_hash_table_lookup (run->described, key);

  /* A GType is a pointer's worth, aligned: its lowest bit is free. */
  if (of_type == NULL)
    {
      of_type = g_hash_table_new_full (NULL, NULL, NULL, described_free);
      g_hash_table_insert (run->described, key, of_type);
    }
  return of_type;
}

/* The title (and, with @start and @end, the period) of a record, as lists
 * show it; %NULL if there is no such record. */
static const Described *
describe (Run        *run,
          GType       type,
          gint64      id,
          const char *start,
          const char *end)
{
  GHashTable *of_type = described_of (run, type, start != NULL);
  g_autoptr(SeRecord) record = NULL;
  Described *d;

  if (g_hash_table_lookup_extended (of_type, KEY (id), NULL, (gpointer *) &d))
    return d;

  record = se_store_lookup (run->store, type, id);
  d = NULL;
  if (record != NULL)
    {
      d = g_new0 (Described, 1);
      d->title = se_describe_title (run->store, record);
      if (start != NULL)
        d->period = se_describe_period (se_record_get_string (record, start),
                                        se_record_get_string (record, end));
    }
  g_hash_table_insert (of_type, KEY (id), d);
  return d;
}

/* describe() from a row that brings the record's own @title and the
 * dates of its period, without looking it up; a record whose title is
 * not its own (a partnership without one is named by its parties) is
 * looked up. */
static const Described *
describe_row (Run        *run,
              GType       type,
              gint64      id,
              const char *title,
              const char *start,
              const char *end,
              const char *start_field,
              const char *end_field)
{
  GHashTable *of_type;
  Described *d;

  if (title == NULL)
    return describe (run, type, id, start_field, end_field);

  of_type = described_of (run, type, TRUE);
  if (g_hash_table_lookup_extended (of_type, KEY (id), NULL, (gpointer *) &d))
    return d;
  d = g_new0 (Described, 1);
  d->title = g_strdup (title);
  d->period = se_describe_period (start, end);
  g_hash_table_insert (of_type, KEY (id), d);
  return d;
}

static char *
title_of (Run    *run,
          GType   type,
          gint64  id)
{
  const Described *d = describe (run, type, id, NULL, NULL);

  return g_strdup (d != NULL ? d->title : "?");
}

/* A record's title from its row (a placement's title, an organisation's
 * name), as se_describe_title() gives it. */
static char *
row_title (const char *title)
{
  return g_strdup (title != NULL ? title : "");
}

static char *
pair_key (gint64 a,
          gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

static void
add (Run        *run,
     SeFinding  *finding)
{
  g_autofree char *key = NULL;

  /* Most files have no dismissal: no key to make for each finding. */
  if (g_hash_table_size (run->dismissed) > 0)
    key = se_store_dismissal_key (se_finding_get_rule (finding),
                                  se_finding_get_record_table (finding),
                                  se_finding_get_record_id (finding));
  if (key != NULL && g_hash_table_contains (run->dismissed, key))
    g_object_unref (finding);
  else
    g_ptr_array_add (run->findings, finding);
}

/* Rule: overlapping placements */

static void
on_overlap (const SeStoreOverlap *o,
            gpointer              user_data)
{
  Run *run = user_data;
  g_autofree char *person = title_of (run, SE_TYPE_PERSON, o->person_id);
  g_autofree char *title_a = row_title (o->title_a);
  g_autofree char *title_b = row_title (o->title_b);
  g_autofree char *period_a = se_describe_period (o->start_a, o->end_a);
  g_autofree char *period_b = se_describe_period (o->start_b, o->end_b);
  g_autofree char *message = NULL;
  SeFinding *finding;

  /* Translators: %1$s is a person, %2$s and %4$s are placements, %3$s
   * and %5$s their dates */
  message = g_strdup_printf (_("%1$s takes part in “%2$s” (%3$s) and in “%4$s” (%5$s), "
                               "which overlap. Change the dates or the participants of "
                               "one of them."),
                             person, title_a, period_a, title_b, period_b);
  finding = se_finding_new (SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, SE_SEVERITY_ERROR,
                            SE_TYPE_PLACEMENT, o->placement_a, message);
  se_finding_set_related (finding, SE_TYPE_PLACEMENT, o->placement_b);
  add (run, finding);
}

/* Rules: outside the agreement's validity, outside the partnership's period */

/* Whether the period @start..@end lies outside @since..@until, partial
 * dates covering all they name. Comparing the placement's date cut to the
 * partial date's length does exactly that: "1949" <= "1949". The store's
 * query (se_store_foreach_placement_outside) compares the same way. */
static gboolean
outside (const char *start,
         const char *end,
         const char *since,
         const char *until)
{
  if (since != NULL && strncmp (start, since, strlen (since)) < 0)
    return TRUE;
  if (until != NULL && strncmp (end, until, strlen (until)) > 0)
    return TRUE;
  return FALSE;
}

static void
check_periods (Run                    *run,
               const SeStorePlacement *row)
{
  const char *start = row->start_date;
  const char *end = row->end_date;
  g_autofree char *title = NULL, *period = NULL;

  if (start == NULL || end == NULL)
    return;

  if (row->agreement_id != 0 && outside (start, end, row->valid_from, row->valid_until))
    {
      const Described *agreement = describe_row (run, SE_TYPE_AGREEMENT, row->agreement_id,
                                                 row->agreement_title, row->valid_from,
                                                 row->valid_until, "valid-from", "valid-until");
      g_autofree char *message = NULL;
      SeFinding *finding;

      title = row_title (row->title);
      period = se_describe_period (start, end);
      /* Translators: %1$s is a placement, %2$s its dates, %3$s an agreement,
       * %4$s its validity, e.g. "since 25.09.2019" */
      message = g_strdup_printf (_("“%1$s” (%2$s) lies outside the validity of the agreement "
                                   "“%3$s” (%4$s). Change the placement’s dates or choose an "
                                   "agreement that covers them."),
                                 title, period,
                                 agreement != NULL ? agreement->title : "?",
                                 agreement != NULL ? agreement->period : "");
      finding = se_finding_new (SE_CHECK_RULE_OUTSIDE_AGREEMENT, SE_SEVERITY_ERROR,
                                SE_TYPE_PLACEMENT, row->id, message);
      se_finding_set_related (finding, SE_TYPE_AGREEMENT, row->agreement_id);
      add (run, finding);
    }

  if (row->partnership_id != 0 && outside (start, end, row->since, row->until))
    {
      const Described *partnership = describe_row (run, SE_TYPE_PARTNERSHIP,
                                                   row->partnership_id, row->partnership_title,
                                                   row->since, row->until, "since", "until");
      g_autofree char *message = NULL;
      SeFinding *finding;

      if (title == NULL)
        {
          title = row_title (row->title);
          period = se_describe_period (start, end);
        }
      /* Translators: %1$s is a placement, %2$s its dates, %3$s a partnership,
       * %4$s its period, e.g. "since 1992" */
      message = g_strdup_printf (_("“%1$s” (%2$s) lies outside the period of the partnership "
                                   "“%3$s” (%4$s). Check the placement’s dates or the "
                                   "partnership’s start and end."),
                                 title, period,
                                 partnership != NULL ? partnership->title : "?",
                                 partnership != NULL ? partnership->period : "");
      finding = se_finding_new (SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, SE_SEVERITY_WARNING,
                                SE_TYPE_PLACEMENT, row->id, message);
      se_finding_set_related (finding, SE_TYPE_PARTNERSHIP, row->partnership_id);
      add (run, finding);
    }
}

/* Rule: confidential placement without a signed non-disclosure declaration */

static void
on_parent (gint64   id,
           gint64   parent_id,
           gpointer user_data)
{
  Run *run = user_data;

  g_hash_table_insert (run->parents, KEY (id), KEY (parent_id));
}

static void
on_declaration (const SeStoreDeclaration *row,
                gpointer                  user_data)
{
  Run *run = user_data;
  char *key = pair_key (row->party_a_id, row->party_b_id);
  GPtrArray *signatures = g_hash_table_lookup (run->signatures, key);
  Signature *s = g_new0 (Signature, 1);

  if (signatures == NULL)
    {
      signatures = g_ptr_array_new_with_free_func (signature_free);
      g_hash_table_insert (run->signatures, key, signatures);
    }
  else
    g_free (key);

  s->party_a_id = row->party_a_id;
  s->valid_until = g_strdup (row->valid_until);
  s->party = row->party;
  s->signed_on = g_strdup (row->signed_on);
  g_ptr_array_add (signatures, s);
}

/* The organisation and its parents, nearest first. */
static GArray *
lineage (Run    *run,
         gint64  organisation_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The depth limit guards against a loop the schema cannot forbid. */
  for (guint depth = 0; organisation_id != 0 && depth < 8; depth++)
    {
      g_array_append_val (ids, organisation_id);
      organisation_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (run->parents,
                                                                        KEY (organisation_id)));
    }
  return ids;
}

/* Whether a signature on a signed non-disclosure agreement between @home's
 * and @host's lineages covers a guest on @start: the agreement has not
 * expired before it and someone on the home side signed by then. */
static gboolean
guest_covered (Run        *run,
               gint64      home_id,
               gint64      host_id,
               const char *start)
{
  g_autoptr(GArray) home = lineage (run, home_id);
  g_autoptr(GArray) host = lineage (run, host_id);

  for (guint i = 0; i < home->len; i++)
    for (guint j = 0; j < host->len; j++)
      {
        g_autofree char *key = pair_key (g_array_index (home, gint64, i),
                                         g_array_index (host, gint64, j));
        GPtrArray *signatures = g_hash_table_lookup (run->signatures, key);

        for (guint k = 0; signatures != NULL && k < signatures->len; k++)
          {
            Signature *s = g_ptr_array_index (signatures, k);
            SeParty side = SE_PARTY_SECOND;

            if (s->valid_until != NULL && strcmp (s->valid_until, start) < 0)
              continue;
            for (guint m = 0; m < home->len; m++)
              if (g_array_index (home, gint64, m) == s->party_a_id)
                side = SE_PARTY_FIRST;
            if (s->party == side && s->signed_on != NULL && strcmp (s->signed_on, start) <= 0)
              return TRUE;
          }
      }
  return FALSE;
}

static void
check_non_disclosure (Run                    *run,
                      const SeStorePlacement *row)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *title = NULL, *date = NULL, *names = NULL, *message = NULL;

  if (row->start_date == NULL || row->n_participants == 0 || !row->confidential
      || row->declared || run->error != NULL)
    return;

  /* What the guests' declarations may rest on is read at the first guest
   * to look at: most databases have no confidential placement. */
  if (run->parents == NULL)
    {
      run->parents = g_hash_table_new (NULL, NULL);
      run->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
      if (!se_store_foreach_organisation_parent (run->store, on_parent, run, &run->error)
          || !se_store_foreach_signed_declaration (run->store, on_declaration, run,
                                                   &run->error))
        return;
    }

  missing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < row->n_participants; i++)
    {
      const SeStoreParticipant *p = &row->participants[i];

      if (p->role == SE_PARTICIPANT_ROLE_GUEST
          && !guest_covered (run, p->home_id, p->host_id, row->start_date))
        {
          const Described *person = describe (run, SE_TYPE_PERSON, p->person_id, NULL, NULL);

          g_ptr_array_add (missing, g_strdup (person != NULL ? person->title : ""));
        }
    }
  if (missing->len == 0)
    return;

  title = row_title (row->title);
  date = se_date_format (row->start_date);
  g_ptr_array_add (missing, NULL);
  names = g_strjoinv (C_("list separator", ", "), (char **) missing->pdata);
  /* Translators: %1$s is a placement, %2$s its first day, %3$s a list of
   * people */
  message = g_strdup_printf (_("“%1$s” requires confidentiality, but no non-disclosure "
                               "declaration signed by %2$s is recorded for %3$s. Record "
                               "the signed declaration as a fulfilled prerequisite or as "
                               "a signed agreement."),
                             title, date, names);
  add (run, se_finding_new (SE_CHECK_RULE_NO_NON_DISCLOSURE, SE_SEVERITY_ERROR,
                            SE_TYPE_PLACEMENT, row->id, message));
}

/* Rule: no mentor at the host */

static void
check_mentor (Run                    *run,
              const SeStorePlacement *row)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *title = NULL, *period = NULL, *hosts = NULL, *message = NULL;

  if (!row->needs_mentor || row->n_participants == 0)
    return;

  missing = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < row->n_participants; i++)
    {
      const SeStoreParticipant *guest = &row->participants[i];
      gint64 host = guest->host_id;
      gboolean found = FALSE;

      if (guest->role != SE_PARTICIPANT_ROLE_GUEST || !g_hash_table_add (seen, KEY (host)))
        continue;

      for (guint j = 0; j < row->n_participants && !found; j++)
        {
          const SeStoreParticipant *m = &row->participants[j];

          found = m->role == SE_PARTICIPANT_ROLE_MENTOR
                  && (m->host_id == host || m->home_id == host);
        }
      if (!found)
        g_ptr_array_add (missing, title_of (run, SE_TYPE_ORGANISATION, host));
    }
  if (missing->len == 0)
    return;

  title = row_title (row->title);
  period = se_describe_period (row->start_date, row->end_date);
  g_ptr_array_add (missing, NULL);
  hosts = g_strjoinv (C_("list separator", ", "), (char **) missing->pdata);
  /* Translators: %1$s is a placement, %2$s its dates, %3$s one or more
   * host organisations */
  message = g_strdup_printf (_("“%1$s” (%2$s) has no mentor at %3$s. Add a participant "
                               "with the role Mentor from the host organisation."),
                             title, period, hosts);
  add (run, se_finding_new (SE_CHECK_RULE_NO_MENTOR, SE_SEVERITY_WARNING,
                            SE_TYPE_PLACEMENT, row->id, message));
}

/* Rule: quota exceeded */

/* An agreement with a quota and the use its placements make of it */
typedef struct
{
  gint64        agreement_id;
  SeQuota       quota;
  gint64        party_a_id;
  gint64        party_b_id;
  SeQuotaCount *count;
} Quota;

static void
quota_free (gpointer data)
{
  Quota *q = data;

  if (q->count != NULL)
    g_array_unref (se_quota_count_finish (q->count));
  g_free (q);
}

static void
count_quota (Run                    *run,
             const SeStorePlacement *row)
{
  SeQuota quota = se_quota_from_fields (row->quota_placements, row->quota_days);
  Quota *q;

  if (row->agreement_id == 0 || !se_quota_is_agreed (&quota))
    return;

  q = g_hash_table_lookup (run->quotas, KEY (row->agreement_id));
  if (q == NULL)
    {
      q = g_new0 (Quota, 1);
      q->agreement_id = row->agreement_id;
      q->quota = quota;
      q->party_a_id = row->party_a_id;
      q->party_b_id = row->party_b_id;
      q->count = se_quota_count_new (row->party_a_id, row->party_b_id);
      g_hash_table_insert (run->quotas, KEY (row->agreement_id), q);
    }
  for (guint i = 0; i < row->n_participants; i++)
    se_quota_count_add (q->count, row->start_date, row->end_date, row->participants[i].role,
                        row->participants[i].home_id, row->participants[i].host_id);
}

/* Reports @q's agreement if any year and direction is over its quota. */
static void
check_quota (Run   *run,
             Quota *q)
{
  g_autoptr(GArray) use = NULL;
  const char *title = NULL, *party_a = NULL, *party_b = NULL;
  const SeQuota *quota = &q->quota;

  use = se_quota_count_finish (g_steal_pointer (&q->count));

  for (guint i = 0; i < use->len; i++)
    {
      SeQuotaUse *u = &g_array_index (use, SeQuotaUse, i);

      if (se_quota_exceeds_persons (quota, u) || se_quota_exceeds_person_days (quota, u))
        {
          const Described *agreement = describe (run, SE_TYPE_AGREEMENT, q->agreement_id,
                                                 NULL, NULL);
          const Described *a = describe (run, SE_TYPE_ORGANISATION, q->party_a_id, NULL, NULL);
          const Described *b = describe (run, SE_TYPE_ORGANISATION, q->party_b_id, NULL, NULL);

          title = agreement != NULL ? agreement->title : "?";
          party_a = a != NULL ? a->title : "?";
          party_b = b != NULL ? b->title : "?";
          break;
        }
    }

  for (guint i = 0; title != NULL && i < use->len; i++)
    {
      SeQuotaUse *u = &g_array_index (use, SeQuotaUse, i);
      const char *from = u->direction == SE_PARTY_FIRST ? party_a : party_b;
      const char *to = u->direction == SE_PARTY_FIRST ? party_b : party_a;

      if (se_quota_exceeds_persons (quota, u))
        {
          g_autofree char *message = NULL;

          /* Translators: %1$d is a year, %2$s an agreement, %3$u the quota
           * of persons, %4$s and %5$s organisations, %6$u the number of
           * guests (always more than the quota) */
          message = g_strdup_printf (ngettext ("In %1$d, the agreement “%2$s” allows %3$u "
                                               "person from %4$s to %5$s, but %6$u guests "
                                               "are recorded. Move a placement to another "
                                               "year or agree a higher quota.",
                                               "In %1$d, the agreement “%2$s” allows %3$u "
                                               "persons from %4$s to %5$s, but %6$u guests "
                                               "are recorded. Move a placement to another "
                                               "year or agree a higher quota.",
                                               quota->persons),
                                     u->year, title, quota->persons, from, to, u->persons);
          add (run, se_finding_new (SE_CHECK_RULE_QUOTA_EXCEEDED, SE_SEVERITY_WARNING,
                                    SE_TYPE_AGREEMENT, q->agreement_id, message));
        }

      if (se_quota_exceeds_person_days (quota, u))
        {
          g_autofree char *message = NULL;

          /* Translators: %1$d is a year, %2$s an agreement, %3$u the quota
           * of person-days (each guest's days added up), %4$s and %5$s
           * organisations, %6$u the person-days used (always more than the
           * quota) */
          message = g_strdup_printf (ngettext ("In %1$d, the agreement “%2$s” allows %3$u "
                                               "person-day from %4$s to %5$s, but guests spend "
                                               "%6$u person-days. Shorten or move a placement "
                                               "or agree a higher quota.",
                                               "In %1$d, the agreement “%2$s” allows %3$u "
                                               "person-days from %4$s to %5$s, but guests spend "
                                               "%6$u person-days. Shorten or move a placement "
                                               "or agree a higher quota.",
                                               quota->person_days),
                                     u->year, title, quota->person_days, from, to,
                                     u->person_days);
          add (run, se_finding_new (SE_CHECK_RULE_QUOTA_EXCEEDED, SE_SEVERITY_WARNING,
                                    SE_TYPE_AGREEMENT, q->agreement_id, message));
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = (gint64) GPOINTER_TO_SIZE (*(gconstpointer *) a);
  gint64 y = (gint64) GPOINTER_TO_SIZE (*(gconstpointer *) b);

  return x < y ? -1 : x > y;
}

static void
check_quotas (Run *run)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, run->quotas);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    check_quota (run, g_hash_table_lookup (run->quotas, g_ptr_array_index (ids, i)));
}

/* Rules: agreement expiring, agreement expired with placements planned */

static char *
add_days (const char *iso,
          int         days)
{
  GDate date;

  if (!se_date_to_gdate (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return se_date_from_gdate (&date);
}

static char *
describe_expiry (SeStore    *store,
                 SeRecord   *agreement,
                 const char *today)
{
  const char *until = se_record_get_string (agreement, "valid-until");
  g_autofree char *title = se_describe_title (store, agreement);
  g_autofree char *date = se_date_format (until);
  int days = se_date_days_between (today, until) - 1;

  if (days <= 0)
    /* Translators: %1$s is an agreement */
    return g_strdup_printf (_("The agreement “%1$s” expires today. Renew it or plan no "
                              "placements after today."), title);

  /* Translators: %1$s is an agreement, %2$s a date, %3$d the days until then */
  return g_strdup_printf (ngettext ("The agreement “%1$s” expires on %2$s, in %3$d day. "
                                    "Start negotiating its renewal or plan no placements "
                                    "after that date.",
                                    "The agreement “%1$s” expires on %2$s, in %3$d days. "
                                    "Start negotiating its renewal or plan no placements "
                                    "after that date.", days),
                          title, date, days);
}

static void
on_expiring (gint64   id,
             gpointer user_data)
{
  Run *run = user_data;
  g_autoptr(SeRecord) agreement = se_store_lookup (run->store, SE_TYPE_AGREEMENT, id);
  g_autofree char *message = NULL;

  if (agreement == NULL)
    return;
  message = describe_expiry (run->store, agreement, run->today);
  add (run, se_finding_new (SE_CHECK_RULE_AGREEMENT_EXPIRING, SE_SEVERITY_INFO,
                            SE_TYPE_AGREEMENT, id, message));
}

/* An agreement expired before today and the planned placements it
 * covers that end after it */
typedef struct
{
  gint64  agreement_id;
  char   *title;
  char   *valid_until;
  guint   n_placements;
  gint64  first_id;
  char   *first_start;
  char   *first_title;
} Expired;

static void
expired_free (gpointer data)
{
  Expired *e = data;

  g_free (e->title);
  g_free (e->valid_until);
  g_free (e->first_start);
  g_free (e->first_title);
  g_free (e);
}

static void
count_expired (Run                    *run,
               const SeStorePlacement *row)
{
  Expired *e;

  if (row->agreement_id == 0 || row->valid_until == NULL || !row->planned
      || strcmp (row->valid_until, run->today) >= 0
      || row->end_date == NULL || strcmp (row->end_date, row->valid_until) <= 0)
    return;

  e = g_hash_table_lookup (run->expired, KEY (row->agreement_id));
  if (e == NULL)
    {
      e = g_new0 (Expired, 1);
      e->agreement_id = row->agreement_id;
      e->title = row_title (row->agreement_title);
      e->valid_until = g_strdup (row->valid_until);
      g_hash_table_insert (run->expired, KEY (row->agreement_id), e);
    }
  e->n_placements++;
  /* The placements come by id: on a tie of starts the first stays. */
  if (e->first_start == NULL || strcmp (row->start_date, e->first_start) < 0)
    {
      e->first_id = row->id;
      g_free (e->first_start);
      e->first_start = g_strdup (row->start_date);
      g_free (e->first_title);
      e->first_title = row_title (row->title);
    }
}

static void
check_expired (Run    *run,
               Expired *e)
{
  g_autofree char *date = se_date_format (e->valid_until);
  g_autofree char *message = NULL;
  guint n = e->n_placements;
  SeFinding *finding;

  /* Translators: %1$s is an agreement, %2$s a date, %3$u a number of
   * placements, %4$s the title of the first of them */
  message = g_strdup_printf (ngettext ("The agreement “%1$s” expired on %2$s, but %3$u "
                                       "planned placement it covers ends later: “%4$s”. "
                                       "Renew the agreement or cover the placement by "
                                       "another one.",
                                       "The agreement “%1$s” expired on %2$s, but %3$u "
                                       "planned placements it covers end later, the "
                                       "first “%4$s”. Renew the agreement or cover the "
                                       "placements by another one.", n),
                             e->title, date, n, e->first_title);
  finding = se_finding_new (SE_CHECK_RULE_AGREEMENT_EXPIRED, SE_SEVERITY_ERROR,
                            SE_TYPE_AGREEMENT, e->agreement_id, message);
  se_finding_set_related (finding, SE_TYPE_PLACEMENT, e->first_id);
  add (run, finding);
}

/* The rules about a placement */

static void
on_placement (const SeStorePlacement *row,
              gpointer                user_data)
{
  Run *run = user_data;

  check_periods (run, row);
  check_non_disclosure (run, row);
  check_mentor (run, row);
  count_quota (run, row);
  count_expired (run, row);
}

/* Rule: active partnership without agreement */

static void
on_lone_partnership (gint64   id,
                     gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *title = title_of (run, SE_TYPE_PARTNERSHIP, id);
  g_autofree char *message = NULL;

  /* Translators: %1$s is a partnership */
  message = g_strdup_printf (_("The active partnership “%1$s” has no agreement. Record the "
                               "agreement it rests on, or change its status if there is "
                               "none."), title);
  add (run, se_finding_new (SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, SE_SEVERITY_INFO,
                            SE_TYPE_PARTNERSHIP, id, message));
}

/* Running */

/* A finding's place in the order of se_checks_run(): errors first, then
 * by rule and record, and as they were found; read once, not at each of
 * the sort's comparisons. */
typedef struct
{
  gint64     record_id;
  SeFinding *finding;
  guint32    index;
  guint16    severity;
  guint16    rule;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *x = a, *y = b;

  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (x->rule != y->rule)
    return x->rule < y->rule ? -1 : 1;
  if (x->record_id != y->record_id)
    return x->record_id < y->record_id ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
sort_findings (GPtrArray *findings)
{
  g_autofree SortKey *keys = NULL;

  if (findings->len < 2)
    return;
  keys = g_new (SortKey, findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      SeFinding *f = g_ptr_array_index (findings, i);
      SortKey k = { se_finding_get_record_id (f), f, i,
                    (guint16) se_finding_get_severity (f), (guint16) se_finding_get_rule (f) };

      keys[i] = k;
    }
  qsort (keys, findings->len, sizeof (SortKey), compare_keys);
  for (guint i = 0; i < findings->len; i++)
    findings->pdata[i] = keys[i].finding;
}

static char *
dup_today (const char *today_iso)
{
  g_autoptr(GDateTime) now = NULL;

  if (today_iso != NULL)
    return g_strdup (today_iso);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * se_checks_run:
 * @store: an open store
 * @today_iso: (nullable): the day to check as of, "YYYY-MM-DD"; %NULL for today
 * @expiry_warning_days: how many days ahead an agreement's end is worth a note
 * @error: a store error
 *
 * Runs every rule (see the top of se-checks.h) and leaves out what the user
 * has dismissed.
 *
 * Returns: (transfer container) (element-type SeFinding) (nullable): the
 *   findings, errors first, then by rule and record; %NULL with @error set
 */
GPtrArray *
se_checks_run (SeStore     *store,
               const char  *today_iso,
               int          expiry_warning_days,
               GError     **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last_day = NULL;
  Run run = { 0 };
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (today_iso == NULL || se_date_is_valid (today_iso), NULL);
  g_return_val_if_fail (expiry_warning_days >= 0, NULL);

  today = dup_today (today_iso);
  last_day = add_days (today, expiry_warning_days);
  findings = g_ptr_array_new_with_free_func (g_object_unref);

  run.store = store;
  run.today = today;
  run.findings = findings;
  run.dismissed = se_store_get_dismissals (store, error);
  if (run.dismissed == NULL)
    return NULL;
  run.described = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) g_hash_table_unref);
  run.quotas = g_hash_table_new_full (NULL, NULL, NULL, quota_free);
  run.expired = g_hash_table_new_full (NULL, NULL, NULL, expired_free);

  /* One read transaction: the rules see one state of the file, and the
   * look-ups do not take and drop SQLite's lock one by one. */
  began = _se_store_read_begin (store);

  ok = se_store_foreach_overlap (store, on_overlap, &run, error)
       && se_store_foreach_placement (store, on_placement, &run, error);
  if (ok && run.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run.error));
      ok = FALSE;
    }
  if (ok)
    {
      GHashTableIter iter;
      gpointer value;

      check_quotas (&run);
      /* One finding an agreement: the order they are found in is no
       * matter, the sort puts them by agreement. */
      g_hash_table_iter_init (&iter, run.expired);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        check_expired (&run, value);
    }
  ok = ok
       && se_store_foreach_expiring_agreement (store, today, last_day, on_expiring, &run, error)
       && se_store_foreach_lone_partnership (store, on_lone_partnership, &run, error);

  _se_store_read_end (store, began);

  g_clear_error (&run.error);
  g_hash_table_unref (run.dismissed);
  g_hash_table_unref (run.described);
  g_clear_pointer (&run.parents, g_hash_table_unref);
  g_clear_pointer (&run.signatures, g_hash_table_unref);
  g_hash_table_unref (run.quotas);
  g_hash_table_unref (run.expired);

  if (!ok)
    return NULL;

  sort_findings (findings);
  return g_steal_pointer (&findings);
}

/**
 * se_checks_dismiss:
 *
 * Dismisses @finding's rule for its record; see se_store_dismiss_finding().
 */
gboolean
se_checks_dismiss (SeStore    *store,
                   SeFinding  *finding,
                   GError    **error)
{
  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SE_IS_FINDING (finding), FALSE);

  return se_store_dismiss_finding (store, se_finding_get_rule (finding),
                                   se_finding_get_record_type (finding),
                                   se_finding_get_record_id (finding), error);
}

/* Reminders */

void
se_reminder_free (SeReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->date);
  g_free (reminder->message);
  g_free (reminder);
}

static void
add_reminder (GPtrArray      *reminders,
              SeReminderKind  kind,
              SeRecord       *record,
              const char     *date,
              char           *message)
{
  SeReminder *r = g_new0 (SeReminder, 1);

  r->kind = kind;
  r->record_type = G_OBJECT_TYPE (record);
  r->record_id = se_record_get_id (record);
  r->date = g_strdup (date);
  r->message = message;
  g_ptr_array_add (reminders, r);
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const SeReminder *x = *(SeReminder **) a, *y = *(SeReminder **) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return strcmp (x->date, y->date);
}

typedef struct
{
  SeStore    *store;
  const char *today;
  GPtrArray  *reminders;
} Reminding;

static void
on_expiring_reminder (gint64   id,
                      gpointer user_data)
{
  Reminding *r = user_data;
  g_autoptr(SeRecord) a = se_store_lookup (r->store, SE_TYPE_AGREEMENT, id);

  if (a != NULL)
    add_reminder (r->reminders, SE_REMINDER_AGREEMENT_EXPIRING, a,
                  se_record_get_string (a, "valid-until"), describe_expiry (r->store, a, r->today));
}

static void
on_starting_reminder (gint64   id,
                      gpointer user_data)
{
  Reminding *r = user_data;
  g_autoptr(SeRecord) p = se_store_lookup (r->store, SE_TYPE_PLACEMENT, id);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *start;

  if (p == NULL)
    return;
  start = se_record_get_string (p, "start-date");
  title = se_describe_title (r->store, p);
  date = se_date_format (start);
  add_reminder (r->reminders, SE_REMINDER_PLACEMENT_STARTING, p, start,
                /* Translators: %1$s is a placement, %2$s its first day */
                g_strdup_printf (_("“%1$s” starts on %2$s."), title, date));
}

/**
 * se_checks_get_reminders:
 * @store: an open store
 * @today_iso: (nullable): "YYYY-MM-DD", or %NULL for today
 * @expiry_days: signed agreements whose valid-until lies within this many
 *   days from today (both days included) are listed
 * @start_days: proposed or approved placements that start within this many
 *   days from today are listed
 *
 * What a notification at start should mention. Dismissals do not apply:
 * a reminder is not a finding. Only the records to mention are read, not
 * the lists: this runs as a database is opened.
 *
 * Returns: (transfer full) (element-type SeReminder): the reminders,
 *   agreements first, each kind ordered by date
 */
GPtrArray *
se_checks_get_reminders (SeStore    *store,
                         const char *today_iso,
                         int         expiry_days,
                         int         start_days)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) se_reminder_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last_expiry = NULL;
  g_autofree char *last_start = NULL;
  Reminding r = { store, NULL, reminders };

  g_return_val_if_fail (SE_IS_STORE (store), reminders);
  g_return_val_if_fail (today_iso == NULL || se_date_is_valid (today_iso), reminders);
  g_return_val_if_fail (expiry_days >= 0 && start_days >= 0, reminders);

  today = dup_today (today_iso);
  last_expiry = add_days (today, expiry_days);
  last_start = add_days (today, start_days);
  r.today = today;

  if (!se_store_foreach_expiring_agreement (store, today, last_expiry, on_expiring_reminder,
                                            &r, &error)
      || !se_store_foreach_starting_placement (store, today, last_start, on_starting_reminder,
                                               &r, &error))
    g_warning ("Could not read the reminders: %s", error->message);

  g_ptr_array_sort (reminders, compare_reminders);
  return reminders;
}

guint
se_reminders_count (GPtrArray      *reminders,
                    SeReminderKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (reminders != NULL, 0);

  for (guint i = 0; i < reminders->len; i++)
    n += ((SeReminder *) g_ptr_array_index (reminders, i))->kind == kind;
  return n;
}
