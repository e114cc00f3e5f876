/* se-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-agreement.h"
#include "se-checks.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-quota.h"
#include "se-signatory.h"
#include "se-store-checks.h"

/* The rules are described in se-checks.h. They run over the store's record
 * lists, which the app holds anyway, with hash indexes built once per run,
 * so each rule is linear in the records it reads; only the overlap of
 * placements, a self-join, is left to SQL (se-store-checks.c). Records
 * taken from the lists are borrowed: the lists keep them alive, and
 * nothing changes the store while the checks run. */

#define KEY(id) GSIZE_TO_POINTER ((gsize) (id))

typedef struct
{
  SeStore    *store;
  const char *today;
  GPtrArray  *findings;
  GHashTable *dismissed;

  GHashTable *participants_by_placement;
  GHashTable *placements_by_agreement;
  GHashTable *prerequisites_by_placement;
  GHashTable *signatories_by_agreement;
  GHashTable *agreements_by_partnership;
  GHashTable *children_by_partnership;
  GHashTable *agreements_by_parties;      /* "min:max" -> agreements */
} Run;

/* id -> GPtrArray of borrowed records whose @field holds that id */
static GHashTable *
index_by (SeStore    *store,
          GType       type,
          const char *field)
{
  GListModel *list = se_store_get_list (store, type);
  GHashTable *index = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      gint64 id = se_record_get_reference (r, field);
      GPtrArray *bucket;

      if (id == 0)
        continue;
      bucket = g_hash_table_lookup (index, KEY (id));
      if (bucket == NULL)
        {
          bucket = g_ptr_array_new ();
          g_hash_table_insert (index, KEY (id), bucket);
        }
      g_ptr_array_add (bucket, r);
    }
  return index;
}

static GPtrArray *
bucket (GHashTable *index,
        gint64      id)
{
  return g_hash_table_lookup (index, KEY (id));
}

static char *
pair_key (gint64 a,
          gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

static SeRecord *
borrow (SeStore *store,
        GType    type,
        gint64   id)
{
  g_autoptr(SeRecord) r = NULL;

  /* The store's list holds it: a lookup alone keeps a record only while
   * someone holds it. The checks read every placement and agreement
   * anyway, so the lists of the few kinds they name are loaded once. */
  se_store_get_list (store, type);
  r = se_store_lookup (store, type, id);
  return r;
}

static char *
title_of (SeStore *store,
          GType    type,
          gint64   id)
{
  SeRecord *r = borrow (store, type, id);

  return r != NULL ? se_describe_title (store, r) : g_strdup ("?");
}

static char *
period_of (SeRecord   *r,
           const char *start,
           const char *end)
{
  return se_describe_period (se_record_get_string (r, start), se_record_get_string (r, end));
}

static gboolean
is_cancelled (SeRecord *placement)
{
  return se_record_get_int (placement, "status") == SE_PLACEMENT_STATUS_CANCELLED;
}

static void
add (Run        *run,
     SeFinding  *finding)
{
  g_autofree char *key = se_store_dismissal_key (se_finding_get_rule (finding),
                                                 se_finding_get_record_table (finding),
                                                 se_finding_get_record_id (finding));

  if (g_hash_table_contains (run->dismissed, key))
    g_object_unref (finding);
  else
    g_ptr_array_add (run->findings, finding);
}

/* The organisation and its parents, nearest first. */
static GArray *
lineage (SeStore *store,
         gint64   organisation_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The depth limit guards against a loop the schema cannot forbid. */
  for (guint depth = 0; organisation_id != 0 && depth < 8; depth++)
    {
      SeRecord *org = borrow (store, SE_TYPE_ORGANISATION, organisation_id);

      g_array_append_val (ids, organisation_id);
      organisation_id = org != NULL ? se_record_get_reference (org, "parent-id") : 0;
    }
  return ids;
}

/* Rule: overlapping placements */

static gboolean
check_overlaps (Run     *run,
                GError **error)
{
  g_autoptr(GArray) pairs = se_store_find_overlapping_placements (run->store, error);

  if (pairs == NULL)
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      SeStoreOverlap *o = &g_array_index (pairs, SeStoreOverlap, i);
      SeRecord *a = borrow (run->store, SE_TYPE_PLACEMENT, o->placement_a);
      SeRecord *b = borrow (run->store, SE_TYPE_PLACEMENT, o->placement_b);
      g_autofree char *person = title_of (run->store, SE_TYPE_PERSON, o->person_id);
      g_autofree char *title_a = NULL, *title_b = NULL, *period_a = NULL, *period_b = NULL;
      g_autofree char *message = NULL;
      SeFinding *finding;

      if (a == NULL || b == NULL)
        continue;

      title_a = se_describe_title (run->store, a);
      title_b = se_describe_title (run->store, b);
      period_a = period_of (a, "start-date", "end-date");
      period_b = period_of (b, "start-date", "end-date");
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
  return TRUE;
}

/* Rules: outside the agreement's validity, outside the partnership's period */

/* Whether the period @start..@end lies outside @since..@until, partial
 * dates covering all they name. Comparing the placement's date cut to the
 * partial date's length does exactly that: "1949" <= "1949". */
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
check_placement_periods (Run      *run,
                         SeRecord *placement)
{
  const char *start = se_record_get_string (placement, "start-date");
  const char *end = se_record_get_string (placement, "end-date");
  gint64 agreement_id = se_record_get_reference (placement, "agreement-id");
  gint64 partnership_id = se_record_get_reference (placement, "partnership-id");
  SeRecord *agreement = borrow (run->store, SE_TYPE_AGREEMENT, agreement_id);
  SeRecord *partnership;
  g_autofree char *title = NULL, *period = NULL;

  if (start == NULL || end == NULL)
    return;

  title = se_describe_title (run->store, placement);
  period = se_describe_period (start, end);

  if (agreement != NULL
      && outside (start, end, se_record_get_string (agreement, "valid-from"),
                  se_record_get_string (agreement, "valid-until")))
    {
      g_autofree char *name = se_describe_title (run->store, agreement);
      g_autofree char *validity = period_of (agreement, "valid-from", "valid-until");
      g_autofree char *message = NULL;
      SeFinding *finding;

      /* Translators: %1$s is a placement, %2$s its dates, %3$s an agreement,
       * %4$s its validity, e.g. "since 25.09.2019" */
      message = g_strdup_printf (_("“%1$s” (%2$s) lies outside the validity of the agreement "
                                   "“%3$s” (%4$s). Change the placement’s dates or choose an "
                                   "agreement that covers them."),
                                 title, period, name, validity);
      finding = se_finding_new (SE_CHECK_RULE_OUTSIDE_AGREEMENT, SE_SEVERITY_ERROR,
                                SE_TYPE_PLACEMENT, se_record_get_id (placement), message);
      se_finding_set_related (finding, SE_TYPE_AGREEMENT, agreement_id);
      add (run, finding);
    }

  if (partnership_id == 0 && agreement != NULL)
    partnership_id = se_record_get_reference (agreement, "partnership-id");
  partnership = borrow (run->store, SE_TYPE_PARTNERSHIP, partnership_id);

  if (partnership != NULL
      && outside (start, end, se_record_get_string (partnership, "since"),
                  se_record_get_string (partnership, "until")))
    {
      g_autofree char *name = se_describe_title (run->store, partnership);
      g_autofree char *years = period_of (partnership, "since", "until");
      g_autofree char *message = NULL;
      SeFinding *finding;

      /* Translators: %1$s is a placement, %2$s its dates, %3$s a partnership,
       * %4$s its period, e.g. "since 1992" */
      message = g_strdup_printf (_("“%1$s” (%2$s) lies outside the period of the partnership "
                                   "“%3$s” (%4$s). Check the placement’s dates or the "
                                   "partnership’s start and end."),
                                 title, period, name, years);
      finding = se_finding_new (SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, SE_SEVERITY_WARNING,
                                SE_TYPE_PLACEMENT, se_record_get_id (placement), message);
      se_finding_set_related (finding, SE_TYPE_PARTNERSHIP, partnership_id);
      add (run, finding);
    }
}

/* Rule: confidential placement without a signed non-disclosure declaration */

static gboolean
prerequisite_fulfilled (Run        *run,
                        SeRecord   *placement,
                        const char *start)
{
  GPtrArray *prerequisites = bucket (run->prerequisites_by_placement,
                                     se_record_get_id (placement));

  for (guint i = 0; prerequisites != NULL && i < prerequisites->len; i++)
    {
      SeRecord *p = g_ptr_array_index (prerequisites, i);
      const char *on = se_record_get_string (p, "fulfilled-on");

      if (se_record_get_int (p, "kind") == SE_PREREQUISITE_KIND_NON_DISCLOSURE
          && on != NULL && strcmp (on, start) <= 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
declaration_signed (Run        *run,
                    SeRecord   *agreement,
                    GArray     *home_lineage,
                    const char *start)
{
  const char *until = se_record_get_string (agreement, "valid-until");
  gint64 a = se_record_get_reference (agreement, "party-a-id");
  GPtrArray *signatories;
  SeParty side = SE_PARTY_SECOND;

  if (se_record_get_int (agreement, "kind") != SE_AGREEMENT_KIND_NON_DISCLOSURE
      || se_record_get_int (agreement, "status") != SE_AGREEMENT_STATUS_SIGNED
      || (until != NULL && strcmp (until, start) < 0))
    return FALSE;

  for (guint i = 0; i < home_lineage->len; i++)
    if (g_array_index (home_lineage, gint64, i) == a)
      side = SE_PARTY_FIRST;

  signatories = bucket (run->signatories_by_agreement, se_record_get_id (agreement));
  for (guint i = 0; signatories != NULL && i < signatories->len; i++)
    {
      SeRecord *s = g_ptr_array_index (signatories, i);
      const char *on = se_record_get_string (s, "signed-on");

      if ((SeParty) se_record_get_int (s, "party") == side && on != NULL
          && strcmp (on, start) <= 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
guest_covered (Run        *run,
               SeRecord   *guest,
               const char *start)
{
  g_autoptr(GArray) home = lineage (run->store,
                                    se_record_get_reference (guest, "home-organisation-id"));
  g_autoptr(GArray) host = lineage (run->store,
                                    se_record_get_reference (guest, "host-organisation-id"));

  for (guint i = 0; i < home->len; i++)
    for (guint j = 0; j < host->len; j++)
      {
        g_autofree char *key = pair_key (g_array_index (home, gint64, i),
                                         g_array_index (host, gint64, j));
        GPtrArray *agreements = g_hash_table_lookup (run->agreements_by_parties, key);

        for (guint k = 0; agreements != NULL && k < agreements->len; k++)
          if (declaration_signed (run, g_ptr_array_index (agreements, k), home, start))
            return TRUE;
      }
  return FALSE;
}

static void
check_non_disclosure (Run      *run,
                      SeRecord *placement)
{
  const char *start = se_record_get_string (placement, "start-date");
  SeRecord *agreement = borrow (run->store, SE_TYPE_AGREEMENT,
                                se_record_get_reference (placement, "agreement-id"));
  GPtrArray *participants = bucket (run->participants_by_placement,
                                    se_record_get_id (placement));
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (start == NULL || participants == NULL)
    return;
  if (!se_record_get_int (placement, "confidential")
      && (agreement == NULL || !se_record_get_int (agreement, "confidential")))
    return;
  if (prerequisite_fulfilled (run, placement, start))
    return;

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);

      if (se_record_get_int (p, "role") == SE_PARTICIPANT_ROLE_GUEST
          && !guest_covered (run, p, start))
        g_ptr_array_add (missing, se_describe_title (run->store, p));
    }

  if (missing->len > 0)
    {
      g_autofree char *title = se_describe_title (run->store, placement);
      g_autofree char *date = se_date_format (start);
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

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
                                SE_TYPE_PLACEMENT, se_record_get_id (placement), message));
    }
}

/* Rule: no mentor at the host */

static void
check_mentor (Run      *run,
              SeRecord *placement)
{
  int kind = se_record_get_int (placement, "kind");
  GPtrArray *participants = bucket (run->participants_by_placement,
                                    se_record_get_id (placement));
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (kind != SE_PLACEMENT_KIND_HOSPITATION && kind != SE_PLACEMENT_KIND_JOB_SWAP
      && kind != SE_PLACEMENT_KIND_VIRTUAL && kind != SE_PLACEMENT_KIND_SECONDMENT)
    return;
  if (participants == NULL)
    return;

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *guest = g_ptr_array_index (participants, i);
      gint64 host = se_record_get_reference (guest, "host-organisation-id");
      gboolean found = FALSE;

      if (se_record_get_int (guest, "role") != SE_PARTICIPANT_ROLE_GUEST
          || !g_hash_table_add (seen, KEY (host)))
        continue;

      for (guint j = 0; j < participants->len && !found; j++)
        {
          SeRecord *m = g_ptr_array_index (participants, j);

          found = se_record_get_int (m, "role") == SE_PARTICIPANT_ROLE_MENTOR
                  && (se_record_get_reference (m, "host-organisation-id") == host
                      || se_record_get_reference (m, "home-organisation-id") == host);
        }
      if (!found)
        g_ptr_array_add (missing, title_of (run->store, SE_TYPE_ORGANISATION, host));
    }

  if (missing->len > 0)
    {
      g_autofree char *title = se_describe_title (run->store, placement);
      g_autofree char *period = period_of (placement, "start-date", "end-date");
      g_autofree char *hosts = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (missing, NULL);
      hosts = g_strjoinv (C_("list separator", ", "), (char **) missing->pdata);
      /* Translators: %1$s is a placement, %2$s its dates, %3$s one or more
       * host organisations */
      message = g_strdup_printf (_("“%1$s” (%2$s) has no mentor at %3$s. Add a participant "
                                   "with the role Mentor from the host organisation."),
                                 title, period, hosts);
      add (run, se_finding_new (SE_CHECK_RULE_NO_MENTOR, SE_SEVERITY_WARNING,
                                SE_TYPE_PLACEMENT, se_record_get_id (placement), message));
    }
}

/* Rule: quota exceeded */

static void
check_quota (Run      *run,
             SeRecord *agreement)
{
  int quota_placements = se_record_get_int (agreement, "quota-placements");
  int quota_days = se_record_get_int (agreement, "quota-days");
  g_autoptr(GArray) use = NULL;
  g_autofree char *title = NULL;
  g_autofree char *party_a = NULL, *party_b = NULL;

  if (quota_placements <= 0 && quota_days <= 0)
    return;

  use = se_quota_count_use (run->store, agreement);
  title = se_describe_title (run->store, agreement);
  party_a = title_of (run->store, SE_TYPE_ORGANISATION,
                      se_record_get_reference (agreement, "party-a-id"));
  party_b = title_of (run->store, SE_TYPE_ORGANISATION,
                      se_record_get_reference (agreement, "party-b-id"));

  for (guint i = 0; i < use->len; i++)
    {
      SeQuotaUse *u = &g_array_index (use, SeQuotaUse, i);
      const char *from = u->direction == SE_PARTY_FIRST ? party_a : party_b;
      const char *to = u->direction == SE_PARTY_FIRST ? party_b : party_a;

      if (quota_placements > 0 && u->persons > (guint) quota_placements)
        {
          g_autofree char *message = NULL;

          /* Translators: %1$d is a year, %2$s an agreement, %3$d the quota,
           * %4$s and %5$s organisations, %6$u the number of guests (always
           * more than the quota) */
          message = g_strdup_printf (ngettext ("In %1$d, the agreement “%2$s” allows %3$d "
                                               "placement from %4$s to %5$s, but %6$u guests "
                                               "are recorded. Move a placement to another "
                                               "year or agree a higher quota.",
                                               "In %1$d, the agreement “%2$s” allows %3$d "
                                               "placements from %4$s to %5$s, but %6$u guests "
                                               "are recorded. Move a placement to another "
                                               "year or agree a higher quota.",
                                               quota_placements),
                                     u->year, title, quota_placements, from, to, u->persons);
          add (run, se_finding_new (SE_CHECK_RULE_QUOTA_EXCEEDED, SE_SEVERITY_WARNING,
                                    SE_TYPE_AGREEMENT, se_record_get_id (agreement), message));
        }

      if (quota_days > 0 && u->guest_days > (guint) quota_days)
        {
          g_autofree char *message = NULL;

          /* Translators: %1$d is a year, %2$s an agreement, %3$d the quota,
           * %4$s and %5$s organisations, %6$u the days used (always more
           * than the quota) */
          message = g_strdup_printf (ngettext ("In %1$d, the agreement “%2$s” allows %3$d "
                                               "day from %4$s to %5$s, but guests spend %6$u "
                                               "days. Shorten or move a placement or agree a "
                                               "higher quota.",
                                               "In %1$d, the agreement “%2$s” allows %3$d "
                                               "days from %4$s to %5$s, but guests spend %6$u "
                                               "days. Shorten or move a placement or agree a "
                                               "higher quota.",
                                               quota_days),
                                     u->year, title, quota_days, from, to, u->guest_days);
          add (run, se_finding_new (SE_CHECK_RULE_QUOTA_EXCEEDED, SE_SEVERITY_WARNING,
                                    SE_TYPE_AGREEMENT, se_record_get_id (agreement), message));
        }
    }
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

static gboolean
expires_within (SeRecord   *agreement,
                const char *today,
                const char *last_day)
{
  const char *until = se_record_get_string (agreement, "valid-until");

  return se_record_get_int (agreement, "status") == SE_AGREEMENT_STATUS_SIGNED
         && until != NULL && strcmp (until, today) >= 0 && strcmp (until, last_day) <= 0;
}

static void
check_expiry (Run        *run,
              SeRecord   *agreement,
              const char *last_day)
{
  const char *until = se_record_get_string (agreement, "valid-until");
  GPtrArray *placements;
  SeRecord *first = NULL;
  guint n = 0;

  if (until == NULL)
    return;

  if (expires_within (agreement, run->today, last_day))
    {
      g_autofree char *message = describe_expiry (run->store, agreement, run->today);

      add (run, se_finding_new (SE_CHECK_RULE_AGREEMENT_EXPIRING, SE_SEVERITY_INFO,
                                SE_TYPE_AGREEMENT, se_record_get_id (agreement), message));
      return;
    }

  if (strcmp (until, run->today) >= 0)
    return;

  placements = bucket (run->placements_by_agreement, se_record_get_id (agreement));
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      SeRecord *p = g_ptr_array_index (placements, i);
      int status = se_record_get_int (p, "status");
      const char *end = se_record_get_string (p, "end-date");

      if ((status == SE_PLACEMENT_STATUS_PROPOSED || status == SE_PLACEMENT_STATUS_APPROVED)
          && end != NULL && strcmp (end, until) > 0)
        {
          if (first == NULL
              || strcmp (se_record_get_string (p, "start-date"),
                         se_record_get_string (first, "start-date")) < 0)
            first = p;
          n++;
        }
    }

  if (n > 0)
    {
      g_autofree char *title = se_describe_title (run->store, agreement);
      g_autofree char *date = se_date_format (until);
      g_autofree char *placement = se_describe_title (run->store, first);
      g_autofree char *message = NULL;
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
                                 title, date, n, placement);
      finding = se_finding_new (SE_CHECK_RULE_AGREEMENT_EXPIRED, SE_SEVERITY_ERROR,
                                SE_TYPE_AGREEMENT, se_record_get_id (agreement), message);
      se_finding_set_related (finding, SE_TYPE_PLACEMENT, se_record_get_id (first));
      add (run, finding);
    }
}

/* Rule: active partnership without agreement */

static gboolean
partnership_has_agreement (Run      *run,
                           SeRecord *partnership,
                           guint     depth)
{
  gint64 id = se_record_get_id (partnership);
  GPtrArray *children;

  if (bucket (run->agreements_by_partnership, id) != NULL)
    return TRUE;

  if (depth == 0)
    {
      g_autofree char *key = pair_key (se_record_get_reference (partnership, "organisation-a-id"),
                                       se_record_get_reference (partnership, "organisation-b-id"));
      if (g_hash_table_contains (run->agreements_by_parties, key))
        return TRUE;
    }

  /* The depth limit guards against a loop of parents. */
  children = bucket (run->children_by_partnership, id);
  for (guint i = 0; children != NULL && depth < 8 && i < children->len; i++)
    if (partnership_has_agreement (run, g_ptr_array_index (children, i), depth + 1))
      return TRUE;
  return FALSE;
}

static void
check_partnership (Run      *run,
                   SeRecord *partnership)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (se_record_get_int (partnership, "status") != SE_PARTNERSHIP_STATUS_ACTIVE
      || partnership_has_agreement (run, partnership, 0))
    return;

  title = se_describe_title (run->store, partnership);
  /* Translators: %1$s is a partnership */
  message = g_strdup_printf (_("The active partnership “%1$s” has no agreement. Record the "
                               "agreement it rests on, or change its status if there is "
                               "none."), title);
  add (run, se_finding_new (SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, SE_SEVERITY_INFO,
                            SE_TYPE_PARTNERSHIP, se_record_get_id (partnership), message));
}

/* Running */

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  SeFinding *x = *(SeFinding **) a, *y = *(SeFinding **) b;

  if (se_finding_get_severity (x) != se_finding_get_severity (y))
    return se_finding_get_severity (x) > se_finding_get_severity (y) ? -1 : 1;
  if (se_finding_get_rule (x) != se_finding_get_rule (y))
    return se_finding_get_rule (x) < se_finding_get_rule (y) ? -1 : 1;
  if (se_finding_get_record_id (x) != se_finding_get_record_id (y))
    return se_finding_get_record_id (x) < se_finding_get_record_id (y) ? -1 : 1;
  return 0;
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
  GListModel *list;
  Run run = { 0 };
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

  run.participants_by_placement = index_by (store, SE_TYPE_PARTICIPANT, "placement-id");
  run.placements_by_agreement = index_by (store, SE_TYPE_PLACEMENT, "agreement-id");
  run.prerequisites_by_placement = index_by (store, SE_TYPE_PREREQUISITE, "placement-id");
  run.signatories_by_agreement = index_by (store, SE_TYPE_SIGNATORY, "agreement-id");
  run.agreements_by_partnership = index_by (store, SE_TYPE_AGREEMENT, "partnership-id");
  run.children_by_partnership = index_by (store, SE_TYPE_PARTNERSHIP, "parent-id");
  run.agreements_by_parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);

  list = se_store_get_list (store, SE_TYPE_AGREEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) a = g_list_model_get_item (list, i);
      char *key = pair_key (se_record_get_reference (a, "party-a-id"),
                            se_record_get_reference (a, "party-b-id"));
      GPtrArray *agreements = g_hash_table_lookup (run.agreements_by_parties, key);

      if (agreements == NULL)
        {
          agreements = g_ptr_array_new ();
          g_hash_table_insert (run.agreements_by_parties, key, agreements);
        }
      else
        g_free (key);
      g_ptr_array_add (agreements, a);
    }

  ok = check_overlaps (&run, error);

  list = se_store_get_list (store, SE_TYPE_PLACEMENT);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);

      if (is_cancelled (p))
        continue;
      check_placement_periods (&run, p);
      check_non_disclosure (&run, p);
      check_mentor (&run, p);
    }

  list = se_store_get_list (store, SE_TYPE_AGREEMENT);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) a = g_list_model_get_item (list, i);

      check_quota (&run, a);
      check_expiry (&run, a, last_day);
    }

  list = se_store_get_list (store, SE_TYPE_PARTNERSHIP);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);

      check_partnership (&run, p);
    }

  g_hash_table_unref (run.dismissed);
  g_hash_table_unref (run.participants_by_placement);
  g_hash_table_unref (run.placements_by_agreement);
  g_hash_table_unref (run.prerequisites_by_placement);
  g_hash_table_unref (run.signatories_by_agreement);
  g_hash_table_unref (run.agreements_by_partnership);
  g_hash_table_unref (run.children_by_partnership);
  g_hash_table_unref (run.agreements_by_parties);

  if (!ok)
    return NULL;

  g_ptr_array_sort (findings, compare_findings);
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
 * a reminder is not a finding.
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
  g_autofree char *today = NULL;
  g_autofree char *last_expiry = NULL;
  g_autofree char *last_start = NULL;
  GListModel *list;

  g_return_val_if_fail (SE_IS_STORE (store), reminders);
  g_return_val_if_fail (today_iso == NULL || se_date_is_valid (today_iso), reminders);
  g_return_val_if_fail (expiry_days >= 0 && start_days >= 0, reminders);

  today = dup_today (today_iso);
  last_expiry = add_days (today, expiry_days);
  last_start = add_days (today, start_days);

  list = se_store_get_list (store, SE_TYPE_AGREEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) a = g_list_model_get_item (list, i);

      if (expires_within (a, today, last_expiry))
        add_reminder (reminders, SE_REMINDER_AGREEMENT_EXPIRING, a,
                      se_record_get_string (a, "valid-until"),
                      describe_expiry (store, a, today));
    }

  list = se_store_get_list (store, SE_TYPE_PLACEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);
      const char *start = se_record_get_string (p, "start-date");
      int status = se_record_get_int (p, "status");

      if ((status == SE_PLACEMENT_STATUS_PROPOSED || status == SE_PLACEMENT_STATUS_APPROVED)
          && start != NULL && strcmp (start, today) >= 0 && strcmp (start, last_start) <= 0)
        {
          g_autofree char *title = se_describe_title (store, p);
          g_autofree char *date = se_date_format (start);

          add_reminder (reminders, SE_REMINDER_PLACEMENT_STARTING, p, start,
                        /* Translators: %1$s is a placement, %2$s its first day */
                        g_strdup_printf (_("“%1$s” starts on %2$s."), title, date));
        }
    }

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
