/* test-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include "se-checks.h"
#include "se-example-data.h"
#include "se-quota.h"
#include "se-store-checks.h"
#include "se-test-planning.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* Every rule of se-checks.h: a case that triggers it and a near miss that
 * must not. Today is fixed at 1 March 2024 unless a test says otherwise. */

#define TODAY "2024-03-01"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
  gint64   essen, sunderland, bautzen;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "checks.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->essen = se_test_organisation (f->store, "Stadt Essen", 0);
  f->sunderland = se_test_organisation (f->store, "Sunderland City Council", 0);
  f->bautzen = se_test_organisation (f->store, "Landkreis Bautzen", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

static GPtrArray *
run_checks (Fixture    *f,
            const char *today,
            int         days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = se_checks_run (f->store, today, days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

/* The findings of @rule (about @record_id, unless it is 0). */
static guint
count_rule (GPtrArray   *findings,
            SeCheckRule  rule,
            gint64       record_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      SeFinding *finding = g_ptr_array_index (findings, i);

      if (se_finding_get_rule (finding) == rule
          && (record_id == 0 || se_finding_get_record_id (finding) == record_id))
        n++;
    }
  return n;
}

static SeFinding *
first_of (GPtrArray   *findings,
          SeCheckRule  rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (se_finding_get_rule (g_ptr_array_index (findings, i)) == rule)
      return g_ptr_array_index (findings, i);
  g_assert_not_reached ();
}

static guint
count (Fixture     *f,
       SeCheckRule  rule,
       gint64       record_id)
{
  g_autoptr(GPtrArray) findings = run_checks (f, TODAY, 90);

  return count_rule (findings, rule, record_id);
}

/* overlapping-placements */

static void
test_overlap (Fixture       *f,
              gconstpointer  data)
{
  gint64 thues = se_test_person (f->store, "Thüs", f->essen);
  gint64 other = se_test_person (f->store, "Miller", f->sunderland);
  gint64 a = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation A",
                                "2024-03-01", "2024-03-04", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  gint64 b = se_test_placement (f->store, SE_PLACEMENT_KIND_VIRTUAL, "Virtuell B",
                                "2024-03-05", "2024-03-08", SE_PLACEMENT_STATUS_PROPOSED, 0, 0);
  g_autoptr(GPtrArray) findings = NULL;
  SeFinding *finding;

  se_test_participant (f->store, a, thues, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);
  /* As mentor in the second: any role counts. */
  se_test_participant (f->store, b, thues, SE_PARTICIPANT_ROLE_MENTOR, f->essen, f->essen);
  se_test_participant (f->store, b, other, SE_PARTICIPANT_ROLE_GUEST, f->sunderland, f->essen);

  /* Near miss: one ends on the 4th, the next starts on the 5th. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, 0), ==, 0);

  /* Ending on the 4th and starting on the 4th share that day. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, b, "start-date", "2024-03-04", 0);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, 0), ==, 1);
  finding = first_of (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS);
  g_assert_cmpint (se_finding_get_record_id (finding), ==, a);
  g_assert_true (se_finding_get_record_type (finding) == SE_TYPE_PLACEMENT);
  g_assert_cmpint (se_finding_get_related_id (finding), ==, b);
  g_assert_cmpint (se_finding_get_severity (finding), ==, SE_SEVERITY_ERROR);
  g_assert_nonnull (strstr (se_finding_get_message (finding), "Thüs"));
  g_assert_nonnull (strstr (se_finding_get_message (finding), "Hospitation A"));
  g_assert_nonnull (strstr (se_finding_get_message (finding), "Virtuell B"));
  g_assert_nonnull (strstr (se_finding_get_message (finding), "2024-03-04"));

  /* A cancelled placement blocks no one. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, b, "status", NULL, SE_PLACEMENT_STATUS_CANCELLED);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, 0), ==, 0);

  /* The same placement twice for one person (two roles) is no overlap. */
  se_test_participant (f->store, a, thues, SE_PARTICIPANT_ROLE_COORDINATOR, f->essen, f->essen);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, 0), ==, 0);
}

/* The overlaps of one placement with several, and a person in a
 * placement twice (two roles) while it overlaps another: one finding per
 * pair, ordered by the other placement's start, then id. */
static void
test_overlap_pairs (Fixture       *f,
                    gconstpointer  data)
{
  gint64 thues = se_test_person (f->store, "Thüs", f->essen);
  gint64 a = se_test_placement (f->store, SE_PLACEMENT_KIND_SECONDMENT, "Abordnung",
                                "2024-03-01", "2024-03-10", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  gint64 c = se_test_placement (f->store, SE_PLACEMENT_KIND_WORKING_MEETING, "Treffen C",
                                "2024-03-05", "2024-03-06", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  gint64 b = se_test_placement (f->store, SE_PLACEMENT_KIND_WORKING_MEETING, "Treffen B",
                                "2024-03-03", "2024-03-04", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  gint64 d = se_test_placement (f->store, SE_PLACEMENT_KIND_WORKING_MEETING, "Treffen D",
                                "2024-03-05", "2024-03-05", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  g_autoptr(GPtrArray) findings = NULL;
  gint64 related[3];
  guint n = 0;

  se_test_participant (f->store, a, thues, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);
  se_test_participant (f->store, a, thues, SE_PARTICIPANT_ROLE_COORDINATOR, f->essen, f->essen);
  se_test_participant (f->store, b, thues, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);
  se_test_participant (f->store, c, thues, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);
  se_test_participant (f->store, d, thues, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);

  /* a overlaps b, c and d; c and d share the 5th (d has the higher id
   * but c, with the same start, comes first); b ends before c and d. */
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, 0), ==, 4);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, a), ==, 3);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, c), ==, 1);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OVERLAPPING_PLACEMENTS, b), ==, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      SeFinding *finding = g_ptr_array_index (findings, i);

      if (se_finding_get_rule (finding) == SE_CHECK_RULE_OVERLAPPING_PLACEMENTS
          && se_finding_get_record_id (finding) == a)
        related[n++] = se_finding_get_related_id (finding);
      if (se_finding_get_rule (finding) == SE_CHECK_RULE_OVERLAPPING_PLACEMENTS
          && se_finding_get_record_id (finding) == c)
        g_assert_cmpint (se_finding_get_related_id (finding), ==, d);
    }
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (related[0], ==, b);
  g_assert_cmpint (related[1], ==, c);
  g_assert_cmpint (related[2], ==, d);
}

/* The participants of a cancelled placement count for none of the others
 * (the rules read each placement's participants together). */
static void
test_cancelled_participants (Fixture       *f,
                             gconstpointer  data)
{
  gint64 guest = se_test_person (f->store, "Thüs", f->essen);
  gint64 mentor = se_test_person (f->store, "Mentorin", f->sunderland);
  gint64 agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                        SE_AGREEMENT_KIND_HOSPITATION, SE_AGREEMENT_STATUS_SIGNED,
                                        "2020-01-01", NULL);
  gint64 cancelled = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Abgesagt",
                                        "2024-04-01", "2024-04-05",
                                        SE_PLACEMENT_STATUS_CANCELLED, 0, agreement);
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                                "2024-05-01", "2024-05-05", SE_PLACEMENT_STATUS_APPROVED, 0,
                                agreement);
  g_autoptr(GPtrArray) findings = NULL;

  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "quota-placements", NULL, 1);
  se_test_participant (f->store, cancelled, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen,
                       f->sunderland);
  se_test_participant (f->store, cancelled, mentor, SE_PARTICIPANT_ROLE_MENTOR, f->sunderland,
                       f->sunderland);
  se_test_participant (f->store, p, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);

  /* The cancelled placement's mentor is not the other's; its guest uses
   * no quota: one guest in 2024 is within a quota of one. */
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, p), ==, 1);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, cancelled), ==, 0);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_QUOTA_EXCEEDED, agreement), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Near miss: not cancelled, it is a second guest over the quota, and
   * its mentor still not the other's. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, cancelled, "status", NULL,
                  SE_PLACEMENT_STATUS_APPROVED);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_QUOTA_EXCEEDED, agreement), ==, 1);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, p), ==, 1);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, cancelled), ==, 0);
}

/* outside-agreement */

static void
test_outside_agreement (Fixture       *f,
                        gconstpointer  data)
{
  gint64 agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                        SE_AGREEMENT_KIND_COOPERATION, SE_AGREEMENT_STATUS_SIGNED,
                                        "2024-01-01", "2024-12-31");
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                                "2024-12-28", "2024-12-31", SE_PLACEMENT_STATUS_APPROVED,
                                0, agreement);
  g_autoptr(GPtrArray) findings = NULL;

  /* Near miss: ends on the last valid day. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_AGREEMENT, 0), ==, 0);

  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2025-01-02", 0);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_OUTSIDE_AGREEMENT, p), ==, 1);
  g_assert_cmpint (se_finding_get_related_id (first_of (findings,
                                                        SE_CHECK_RULE_OUTSIDE_AGREEMENT)),
                   ==, agreement);

  /* Before valid-from counts too; the first valid day does not. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "start-date", "2024-01-01", 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2024-01-05", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_AGREEMENT, p), ==, 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "start-date", "2023-12-31", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_AGREEMENT, p), ==, 1);

  /* Open-ended agreements cover everything after their start. */
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "valid-from", NULL, 0);
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "valid-until", NULL, 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_AGREEMENT, p), ==, 0);
}

/* outside-partnership */

static void
test_outside_partnership (Fixture       *f,
                          gconstpointer  data)
{
  gint64 partnership = se_test_partnership (f->store, f->essen, f->sunderland, "2020", "2024",
                                            SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                                "2020-01-01", "2020-01-03", SE_PLACEMENT_STATUS_APPROVED,
                                partnership, 0);

  /* Near misses: "2020" begins on 1 January, "2024" ends on 31 December. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2024-12-31", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 0);

  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2025-01-01", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 1);

  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2020-01-02", 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "start-date", "2019-12-31", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 1);

  /* A month: "2024-05" ends on 31 May. */
  se_test_update (f->store, SE_TYPE_PARTNERSHIP, partnership, "since", "2024-05", 0);
  se_test_update (f->store, SE_TYPE_PARTNERSHIP, partnership, "until", "2024-05", 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2024-05-31", 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "start-date", "2024-05-01", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2024-06-01", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 1);

  /* Cancelled placements are not checked. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "status", NULL, SE_PLACEMENT_STATUS_CANCELLED);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP, p), ==, 0);
}

/* no-non-disclosure */

static gint64
signatory (SeStore    *store,
           gint64      agreement,
           SeParty     party,
           const char *signed_on)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_signatory_new ());

  se_record_set_reference (r, "agreement-id", agreement);
  se_record_set_int (r, "party", party);
  se_record_set_string (r, "name", "Unterzeichnende Person");
  se_record_set_string (r, "signed-on", signed_on);
  return se_test_save (store, r);
}

static void
test_non_disclosure (Fixture       *f,
                     gconstpointer  data)
{
  gint64 guest = se_test_person (f->store, "Sargalski", f->essen);
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_JOB_SWAP, "Job Swop",
                                "2024-06-10", "2024-06-14", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  g_autoptr(SeRecord) prerequisite = SE_RECORD (se_prerequisite_new ());
  g_autoptr(GPtrArray) findings = NULL;
  gint64 nda, covering;

  se_test_participant (f->store, p, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);

  /* Near miss: no confidentiality required. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 0);

  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "confidential", NULL, TRUE);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);
  g_assert_nonnull (strstr (se_finding_get_message (first_of (findings,
                                                              SE_CHECK_RULE_NO_NON_DISCLOSURE)),
                            "Sargalski"));

  /* A fulfilled prerequisite on the first day is in time; a day later not. */
  se_record_set_reference (prerequisite, "placement-id", p);
  se_record_set_int (prerequisite, "kind", SE_PREREQUISITE_KIND_NON_DISCLOSURE);
  se_record_set_string (prerequisite, "fulfilled-on", "2024-06-11");
  se_test_save (f->store, prerequisite);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);
  se_test_update (f->store, SE_TYPE_PREREQUISITE, se_record_get_id (prerequisite),
                  "fulfilled-on", "2024-06-10", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 0);
  se_test_update (f->store, SE_TYPE_PREREQUISITE, se_record_get_id (prerequisite),
                  "fulfilled-on", NULL, 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);

  /* A signed declaration between host and home (the other order), but
   * signed only by the host's side: not enough for the guest. */
  nda = se_test_agreement (f->store, 0, f->sunderland, f->essen,
                           SE_AGREEMENT_KIND_NON_DISCLOSURE, SE_AGREEMENT_STATUS_SIGNED,
                           "2024-06-01", NULL);
  signatory (f->store, nda, SE_PARTY_FIRST, "2024-06-01");
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);

  /* The guest's side (Essen, the second party) signs after the start... */
  signatory (f->store, nda, SE_PARTY_SECOND, "2024-06-11");
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);
  /* ...and before it. */
  signatory (f->store, nda, SE_PARTY_SECOND, "2024-06-03");
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 0);

  /* Only a signed declaration counts. */
  se_test_update (f->store, SE_TYPE_AGREEMENT, nda, "status", NULL, SE_AGREEMENT_STATUS_DRAFT);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);
  se_test_update (f->store, SE_TYPE_AGREEMENT, nda, "status", NULL, SE_AGREEMENT_STATUS_SIGNED);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 0);

  /* The covering agreement's confidentiality requires it as well. */
  se_test_update (f->store, SE_TYPE_AGREEMENT, nda, "status", NULL, SE_AGREEMENT_STATUS_DRAFT);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "confidential", NULL, FALSE);
  covering = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                SE_AGREEMENT_KIND_COOPERATION, SE_AGREEMENT_STATUS_SIGNED,
                                NULL, NULL);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "agreement-id", NULL, (int) covering);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 0);
  se_test_update (f->store, SE_TYPE_AGREEMENT, covering, "confidential", NULL, TRUE);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_NON_DISCLOSURE, p), ==, 1);
}

/* quota-exceeded, and the counting behind it */

static void
test_quota (Fixture       *f,
            gconstpointer  data)
{
  gint64 agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                        SE_AGREEMENT_KIND_HOSPITATION, SE_AGREEMENT_STATUS_SIGNED,
                                        NULL, NULL);
  gint64 people[4];
  gint64 p1, p2, p3, back;
  g_autoptr(SeRecord) record = NULL;
  g_autoptr(GArray) use = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    people[i] = se_test_person (f->store, "Gast", i < 3 ? f->essen : f->sunderland);
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "quota-placements", NULL, 2);
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "quota-days", NULL, 10);

  /* Two guests from Essen, 3 days each in 2024: 2 persons, 6 days. */
  p1 = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Eins", "2024-04-01",
                          "2024-04-03", SE_PLACEMENT_STATUS_COMPLETED, 0, agreement);
  se_test_participant (f->store, p1, people[0], SE_PARTICIPANT_ROLE_GUEST, f->essen,
                       f->sunderland);
  p2 = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Zwei", "2024-05-06",
                          "2024-05-08", SE_PLACEMENT_STATUS_APPROVED, 0, agreement);
  se_test_participant (f->store, p2, people[1], SE_PARTICIPANT_ROLE_GUEST, f->essen,
                       f->sunderland);
  /* The other way and another year do not add up with these. */
  back = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Zurück", "2024-06-03",
                            "2024-06-14", SE_PLACEMENT_STATUS_APPROVED, 0, agreement);
  se_test_participant (f->store, back, people[3], SE_PARTICIPANT_ROLE_GUEST, f->sunderland,
                       f->essen);
  p3 = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Drei", "2024-12-30",
                          "2025-01-03", SE_PLACEMENT_STATUS_CANCELLED, 0, agreement);
  se_test_participant (f->store, p3, people[2], SE_PARTICIPANT_ROLE_GUEST, f->essen,
                       f->sunderland);

  record = se_store_lookup (f->store, SE_TYPE_AGREEMENT, agreement);
  use = se_quota_count_use (f->store, record);
  g_assert_cmpuint (use->len, ==, 2);
  g_assert_cmpint (g_array_index (use, SeQuotaUse, 0).year, ==, 2024);
  g_assert_cmpint (g_array_index (use, SeQuotaUse, 0).direction, ==, SE_PARTY_FIRST);
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 0).persons, ==, 2);
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 0).person_days, ==, 6);
  g_assert_cmpint (g_array_index (use, SeQuotaUse, 1).direction, ==, SE_PARTY_SECOND);
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 1).persons, ==, 1);
  /* 12 days back to Essen: over the 10 days, in that direction only. */
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 1).person_days, ==, 12);

  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_QUOTA_EXCEEDED, agreement), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Near miss made real: the cancelled placement starting in 2024 counts
   * once it is approved, for persons (3 > 2) and days (6 + 5 > 10). */
  se_test_update (f->store, SE_TYPE_PLACEMENT, back, "end-date", "2024-06-12", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_QUOTA_EXCEEDED, agreement), ==, 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p3, "status", NULL, SE_PLACEMENT_STATUS_APPROVED);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_QUOTA_EXCEEDED, agreement), ==, 2);
  g_assert_nonnull (strstr (se_finding_get_message (first_of (findings,
                                                              SE_CHECK_RULE_QUOTA_EXCEEDED)),
                            "2024"));

  /* A job swap of two people crossing: one guest in each direction. */
  g_clear_pointer (&use, g_array_unref);
  se_test_update (f->store, SE_TYPE_PLACEMENT, p3, "status", NULL, SE_PLACEMENT_STATUS_CANCELLED);
  se_test_participant (f->store, p2, people[3], SE_PARTICIPANT_ROLE_GUEST, f->sunderland,
                       f->essen);
  use = se_quota_count_use (f->store, record);
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 1).persons, ==, 2);
  g_assert_cmpuint (g_array_index (use, SeQuotaUse, 1).person_days, ==, 10 + 3);
}

/* agreement-expiring */

static void
test_expiring (Fixture       *f,
               gconstpointer  data)
{
  gint64 agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                        SE_AGREEMENT_KIND_COOPERATION, SE_AGREEMENT_STATUS_SIGNED,
                                        "2020-01-01", "2024-05-30");
  g_autoptr(GPtrArray) findings = NULL;

  /* 1 March + 90 days = 30 May: the last day warned of. */
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 1);
  g_assert_nonnull (strstr (se_finding_get_message (first_of (findings,
                                                              SE_CHECK_RULE_AGREEMENT_EXPIRING)),
                            "90 days"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Near misses: a day further, a shorter warning, not signed. */
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "valid-until", "2024-05-31", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 0);
  findings = run_checks (f, TODAY, 91);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_checks (f, TODAY, 30);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 0);
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "valid-until", "2024-03-01", 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 1);
  se_test_update (f->store, SE_TYPE_AGREEMENT, agreement, "status", NULL,
                  SE_AGREEMENT_STATUS_NEGOTIATION);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_AGREEMENT_EXPIRING, agreement), ==, 0);
}

/* agreement-expired */

static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  gint64 agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                        SE_AGREEMENT_KIND_COOPERATION, SE_AGREEMENT_STATUS_SIGNED,
                                        "2020-01-01", "2024-01-31");
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Geplant",
                                "2024-01-29", "2024-01-31", SE_PLACEMENT_STATUS_APPROVED,
                                0, agreement);
  g_autoptr(GPtrArray) findings = NULL;

  /* Near miss: the placement ends on the agreement's last day. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_AGREEMENT_EXPIRED, agreement), ==, 0);

  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "end-date", "2024-02-02", 0);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_AGREEMENT_EXPIRED, agreement), ==, 1);
  g_assert_cmpint (se_finding_get_related_id (first_of (findings,
                                                        SE_CHECK_RULE_AGREEMENT_EXPIRED)),
                   ==, p);

  /* Completed placements are history, not plans. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "status", NULL, SE_PLACEMENT_STATUS_COMPLETED);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_AGREEMENT_EXPIRED, agreement), ==, 0);
}

/* partnership-without-agreement */

static void
test_partnership_without_agreement (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 jc_a = se_test_organisation (f->store, "Jobcenter Essen", f->essen);
  gint64 jc_b = se_test_organisation (f->store, "Jobcenter Bautzen", f->bautzen);
  gint64 twinning = se_test_partnership (f->store, f->essen, f->sunderland, "1949", NULL,
                                         SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  gint64 districts = se_test_partnership (f->store, f->essen, f->bautzen, "1992", NULL,
                                          SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  gint64 centres = se_test_partnership (f->store, jc_a, jc_b, "2016", NULL,
                                        SE_PARTNERSHIP_STATUS_ACTIVE, districts);
  g_autoptr(GPtrArray) findings = run_checks (f, TODAY, 90);

  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 3);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The job centres' agreement serves the district partnership too. */
  se_test_agreement (f->store, centres, jc_a, jc_b, SE_AGREEMENT_KIND_COOPERATION,
                     SE_AGREEMENT_STATUS_SIGNED, "2019-09-25", NULL);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 1);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, twinning),
                    ==, 1);

  /* A partnership that is not active needs none. */
  se_test_update (f->store, SE_TYPE_PARTNERSHIP, twinning, "status", NULL,
                  SE_PARTNERSHIP_STATUS_DORMANT);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 0);

  /* An agreement between the two organisations, not filed under it, counts. */
  se_test_update (f->store, SE_TYPE_PARTNERSHIP, twinning, "status", NULL,
                  SE_PARTNERSHIP_STATUS_ACTIVE);
  se_test_agreement (f->store, 0, f->sunderland, f->essen, SE_AGREEMENT_KIND_CHARTER,
                     SE_AGREEMENT_STATUS_SIGNED, NULL, NULL);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 0);
}

/* no-mentor */

static void
test_no_mentor (Fixture       *f,
                gconstpointer  data)
{
  gint64 guest = se_test_person (f->store, "Thüs", f->essen);
  gint64 guest2 = se_test_person (f->store, "Miller", f->sunderland);
  gint64 mentor = se_test_person (f->store, "Mentorin", f->sunderland);
  gint64 p = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                                "2024-04-01", "2024-04-05", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  gint64 visit = se_test_placement (f->store, SE_PLACEMENT_KIND_DELEGATION_VISIT, "Besuch",
                                    "2024-04-01", "2024-04-01", SE_PLACEMENT_STATUS_APPROVED,
                                    0, 0);
  g_autoptr(GPtrArray) findings = NULL;

  /* A placement with no guests yet is not checked. */
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_MENTOR, p), ==, 0);

  se_test_participant (f->store, p, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen, f->sunderland);
  se_test_participant (f->store, visit, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen,
                       f->sunderland);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, p), ==, 1);
  g_assert_nonnull (strstr (se_finding_get_message (first_of (findings, SE_CHECK_RULE_NO_MENTOR)),
                            "Sunderland City Council"));
  /* Near miss: a delegation visit needs no mentor. */
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, visit), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A coordinator is no mentor; a mentor at the host is. */
  se_test_participant (f->store, p, mentor, SE_PARTICIPANT_ROLE_COORDINATOR, f->sunderland,
                       f->sunderland);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_MENTOR, p), ==, 1);
  se_test_participant (f->store, p, mentor, SE_PARTICIPANT_ROLE_MENTOR, f->sunderland,
                       f->sunderland);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_NO_MENTOR, p), ==, 0);

  /* Made a job swap: the guest going the other way needs one in Essen. */
  se_test_update (f->store, SE_TYPE_PLACEMENT, p, "kind", NULL, SE_PLACEMENT_KIND_JOB_SWAP);
  se_test_participant (f->store, p, guest2, SE_PARTICIPANT_ROLE_GUEST, f->sunderland, f->essen);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, p), ==, 1);
  g_assert_nonnull (strstr (se_finding_get_message (first_of (findings, SE_CHECK_RULE_NO_MENTOR)),
                            "Stadt Essen"));
  g_assert_null (strstr (se_finding_get_message (first_of (findings, SE_CHECK_RULE_NO_MENTOR)),
                         "Sunderland"));
}

/* Every kind of placement, one guest and no mentor: the kinds that need a
 * mentor are the four the rule names, no more, and se-enums.c says so. */
static void
test_no_mentor_kinds (Fixture       *f,
                      gconstpointer  data)
{
  const SePlacementKind needing[] = {
    SE_PLACEMENT_KIND_HOSPITATION, SE_PLACEMENT_KIND_JOB_SWAP, SE_PLACEMENT_KIND_VIRTUAL,
    SE_PLACEMENT_KIND_SECONDMENT,
  };
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SE_TYPE_PLACEMENT_KIND);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) findings = NULL;
  guint n_needing = 0;

  for (guint i = 0; i < kinds->n_values; i++)
    {
      gint64 guest = se_test_person (f->store, "Gast", f->essen);
      gint64 p = se_test_placement (f->store, kinds->values[i].value, kinds->values[i].value_nick,
                                    "2024-04-01", "2024-04-05", SE_PLACEMENT_STATUS_APPROVED,
                                    0, 0);

      se_test_participant (f->store, p, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen,
                           f->sunderland);
      g_array_append_val (placements, p);
    }

  findings = run_checks (f, TODAY, 90);
  for (guint i = 0; i < kinds->n_values; i++)
    {
      SePlacementKind kind = kinds->values[i].value;
      gboolean needs = FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (needing); j++)
        needs |= needing[j] == kind;
      n_needing += needs;
      g_assert_cmpint (se_placement_kind_needs_mentor (kind), ==, needs);
      g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR,
                                    g_array_index (placements, gint64, i)), ==, needs ? 1 : 0);
    }
  g_assert_cmpuint (n_needing, ==, G_N_ELEMENTS (needing));
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, 0), ==, n_needing);
}

/* Dismissal */

static void
test_dismissal (Fixture       *f,
                gconstpointer  data)
{
  gint64 a = se_test_partnership (f->store, f->essen, f->sunderland, NULL, NULL,
                                  SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  gint64 b = se_test_partnership (f->store, f->essen, f->bautzen, NULL, NULL,
                                  SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  gint64 c;
  g_autoptr(GPtrArray) findings = run_checks (f, TODAY, 90);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) record = NULL;

  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    if (se_finding_get_record_id (g_ptr_array_index (findings, i)) == a)
      se_checks_dismiss (f->store, g_ptr_array_index (findings, i), &error);
  g_assert_no_error (error);
  /* Twice is fine. */
  se_store_dismiss_finding (f->store, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                            SE_TYPE_PARTNERSHIP, a, &error);
  g_assert_no_error (error);
  g_assert_true (se_store_is_dismissed (f->store, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                                        SE_TYPE_PARTNERSHIP, a));
  /* Per rule: the same record under another rule is not dismissed. */
  g_assert_false (se_store_is_dismissed (f->store, SE_CHECK_RULE_OUTSIDE_PARTNERSHIP,
                                         SE_TYPE_PARTNERSHIP, a));

  /* It stays dismissed in the file. */
  g_clear_object (&f->store);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, a), ==, 0);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, b), ==, 1);

  se_store_undismiss (f->store, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                      SE_TYPE_PARTNERSHIP, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, a), ==, 1);

  /* A dismissal goes with its record: a new record that gets the same id
   * (SQLite reuses the highest; a server never gives an id twice) is
   * checked afresh. */
  se_store_dismiss_finding (f->store, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                            SE_TYPE_PARTNERSHIP, b, &error);
  g_assert_no_error (error);
  record = se_store_lookup (f->store, SE_TYPE_PARTNERSHIP, b);
  se_store_delete (f->store, record, &error);
  g_assert_no_error (error);
  g_assert_false (se_store_is_dismissed (f->store, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                                         SE_TYPE_PARTNERSHIP, b));
  c = se_test_partnership (f->store, f->sunderland, f->bautzen, NULL, NULL,
                           SE_PARTNERSHIP_STATUS_ACTIVE, 0);
  if (se_test_backend () == SE_TEST_SQLITE)
    g_assert_cmpint (c, ==, b);
  else
    g_assert_cmpint (c, >, b);
  g_assert_cmpuint (count (f, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, c), ==, 1);
}

/* A dismissal of a record deleted behind the store's back (an older file,
 * another program) breaks nothing. */
static void
test_stale_dismissal (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  se_store_dismiss_finding (f->store, SE_CHECK_RULE_NO_MENTOR, SE_TYPE_PLACEMENT, 4711, &error);
  g_assert_no_error (error);
  findings = run_checks (f, TODAY, 90);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Reminders */

static void
test_reminders (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 soon, later;

  se_test_agreement (f->store, 0, f->essen, f->sunderland, SE_AGREEMENT_KIND_COOPERATION,
                     SE_AGREEMENT_STATUS_SIGNED, NULL, "2024-04-15");
  se_test_agreement (f->store, 0, f->essen, f->bautzen, SE_AGREEMENT_KIND_COOPERATION,
                     SE_AGREEMENT_STATUS_SIGNED, NULL, "2024-12-31");
  soon = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Bald", "2024-03-08",
                            "2024-03-09", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  later = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Später", "2024-03-09",
                             "2024-03-10", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Abgesagt", "2024-03-02",
                     "2024-03-03", SE_PLACEMENT_STATUS_CANCELLED, 0, 0);

  reminders = se_checks_get_reminders (f->store, TODAY, 90, 7);
  g_assert_cmpuint (se_reminders_count (reminders, SE_REMINDER_AGREEMENT_EXPIRING), ==, 1);
  g_assert_cmpuint (se_reminders_count (reminders, SE_REMINDER_PLACEMENT_STARTING), ==, 1);
  g_assert_cmpint (((SeReminder *) g_ptr_array_index (reminders, 1))->record_id, ==, soon);
  g_assert_nonnull (strstr (((SeReminder *) g_ptr_array_index (reminders, 1))->message, "Bald"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  reminders = se_checks_get_reminders (f->store, TODAY, 30, 8);
  g_assert_cmpuint (se_reminders_count (reminders, SE_REMINDER_AGREEMENT_EXPIRING), ==, 0);
  g_assert_cmpuint (se_reminders_count (reminders, SE_REMINDER_PLACEMENT_STARTING), ==, 2);
  g_assert_cmpint (((SeReminder *) g_ptr_array_index (reminders, 1))->record_id, ==, later);
}

/* The five example cases, as of 1 January 2026. */
static void
test_example_data (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "example.db", NULL);
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_nonnull (store);
  se_example_data_load (store, &error);
  g_assert_no_error (error);
  findings = se_checks_run (store, "2026-01-01", 90, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", se_finding_get_message (g_ptr_array_index (findings, i)));

  /* Essen–Sunderland and Dortmund–Leipzig rest on no recorded agreement;
   * Cham–Bautzen has the job centres' agreement; the job swap's project
   * has ended. */
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT, 0), ==, 2);
  /* The virtual placement, the job swap and the planned hospitation name
   * no mentor. */
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_MENTOR, 0), ==, 3);
  /* The hospitation in Cham falls under the confidential agreement and its
   * non-disclosure prerequisite is not fulfilled yet; the job swap's
   * declaration was signed in time. */
  g_assert_cmpuint (count_rule (findings, SE_CHECK_RULE_NO_NON_DISCLOSURE, 0), ==, 1);
  g_assert_cmpuint (findings->len, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/checks/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("overlap", test_overlap);
  ADD ("overlap-pairs", test_overlap_pairs);
  ADD ("cancelled-participants", test_cancelled_participants);
  ADD ("outside-agreement", test_outside_agreement);
  ADD ("outside-partnership", test_outside_partnership);
  ADD ("non-disclosure", test_non_disclosure);
  ADD ("quota", test_quota);
  ADD ("expiring", test_expiring);
  ADD ("expired", test_expired);
  ADD ("partnership-without-agreement", test_partnership_without_agreement);
  ADD ("no-mentor", test_no_mentor);
  ADD ("no-mentor-kinds", test_no_mentor_kinds);
  ADD ("dismissal", test_dismissal);
  ADD ("stale-dismissal", test_stale_dismissal);
  ADD ("reminders", test_reminders);
  ADD ("example-data", test_example_data);

  return g_test_run ();
}
