/* test-example-data.c: the example data: counts, the five cases, all or nothing
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* This test talks to SQLite directly to install, behind the store's back,
 * a trigger that refuses one insert halfway through the load. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store.h"
#include "se-topic.h"
#include "se-unit.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* How many records of each kind the example data holds. */
static const struct
{
  GType (*get_type) (void);
  guint  count;
} expected[] = {
  { se_organisation_get_type, 11 },
  { se_unit_get_type, 8 },
  { se_person_get_type, 26 },
  { se_topic_get_type, 19 },
  { se_partnership_get_type, 5 },
  { se_agreement_get_type, 2 },
  { se_signatory_get_type, 4 },
  { se_approval_get_type, 4 },
  { se_placement_get_type, 8 },
  { se_participant_get_type, 25 },
  { se_programme_item_get_type, 24 },
  { se_prerequisite_get_type, 4 },
  { se_placement_topic_get_type, 25 },
};

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "example.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
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

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->store != NULL)
    se_store_close (f->store);
  g_clear_object (&f->store);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_is_empty (f->store));
  g_assert_true (se_example_data_load (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (se_store_in_transaction (f->store));
}

static void
assert_expected_counts (SeStore *store)
{
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GType type = expected[i].get_type ();

      g_test_message ("%s", g_type_name (type));
      g_assert_cmpuint (se_store_count (store, type), ==, expected[i].count);
    }
}

/* The one record of @type whose text @field is @value. */
static SeRecord *
find_one (SeStore    *store,
          GType       type,
          const char *field,
          const char *value)
{
  GListModel *list = se_store_get_list (store, type);
  SeRecord *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (se_record_get_string (record, field), value) == 0)
        {
          found = record;
          matches++;
        }
    }

  g_test_message ("%s %s = %s", g_type_name (type), field, value);
  g_assert_cmpuint (matches, ==, 1);
  return found; /* the list keeps it */
}

static gint64
organisation (SeStore    *store,
              const char *name)
{
  return se_record_get_id (find_one (store, SE_TYPE_ORGANISATION, "name", name));
}

/* The one partnership between @a and @b, in either order. */
static SeRecord *
partnership_between (SeStore *store,
                     gint64   a,
                     gint64   b)
{
  GListModel *list = se_store_get_list (store, SE_TYPE_PARTNERSHIP);
  SeRecord *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);
      gint64 pa = se_record_get_reference (p, "organisation-a-id");
      gint64 pb = se_record_get_reference (p, "organisation-b-id");

      if ((pa == a && pb == b) || (pa == b && pb == a))
        {
          found = p;
          matches++;
        }
    }

  g_assert_cmpuint (matches, ==, 1);
  return found;
}

/* The one placement of @kind. */
static SeRecord *
placement_of_kind (SeStore         *store,
                   SePlacementKind  kind)
{
  GListModel *list = se_store_get_list (store, SE_TYPE_PLACEMENT);
  SeRecord *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);

      if (se_record_get_int (p, "kind") == (int) kind)
        {
          found = p;
          matches++;
        }
    }

  g_assert_cmpuint (matches, ==, 1);
  return found;
}

static const char *
family_name (SeStore *store,
             gint64   person_id)
{
  g_autoptr(SeRecord) person = NULL;

  /* A lookup alone keeps the record only while someone holds it. */
  se_store_get_list (store, SE_TYPE_PERSON);
  person = se_store_lookup (store, SE_TYPE_PERSON, person_id);
  g_assert_nonnull (person);
  return se_record_get_string (person, "family-name"); /* the list keeps it */
}

static gint64
person_organisation (SeStore *store,
                     gint64   person_id)
{
  g_autoptr(SeRecord) person = se_store_lookup (store, SE_TYPE_PERSON, person_id);

  g_assert_nonnull (person);
  return se_record_get_reference (person, "organisation-id");
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  /* The table above covers every kind of record. */
  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (expected));
  for (guint t = 0; t < n_types; t++)
    {
      gboolean listed = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
        listed |= expected[i].get_type () == types[t];
      g_assert_true (listed);
    }

  load (f);
  assert_expected_counts (f->store);
  g_assert_false (se_store_is_empty (f->store));
}

static void
test_essen_sunderland (Fixture       *f,
                       gconstpointer  data)
{
  gint64 essen, jobcenter, sunderland;
  SeRecord *council, *twinning, *placement, *participant;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(SeRecord) host_unit = NULL;
  const char *start, *end;

  load (f);

  essen = organisation (f->store, "Stadt Essen");
  jobcenter = organisation (f->store, "Jobcenter Essen");
  sunderland = organisation (f->store, "Sunderland City Council");
  council = find_one (f->store, SE_TYPE_ORGANISATION, "name", "Sunderland City Council");
  g_assert_cmpstr (se_record_get_string (council, "country"), ==, "GB");
  g_assert_cmpint (se_record_get_int (council, "kind"), ==, SE_ORGANISATION_KIND_FOREIGN_AUTHORITY);

  /* Town twins since 1949, without an agreement. */
  twinning = partnership_between (f->store, essen, sunderland);
  g_assert_cmpstr (se_record_get_string (twinning, "since"), ==, "1949");
  g_assert_cmpint (se_record_get_int (twinning, "kind"), ==, SE_PARTNERSHIP_KIND_PARTNERSHIP);
  g_assert_cmpint (se_record_get_int (twinning, "status"), ==, SE_PARTNERSHIP_STATUS_ACTIVE);
  agreements = se_store_find (f->store, SE_TYPE_AGREEMENT, "partnership-id",
                              se_record_get_id (twinning));
  g_assert_cmpuint (agreements->len, ==, 0);

  /* Three weeks of virtual work, over before the press release of 24.08.2021. */
  placements = se_store_find (f->store, SE_TYPE_PLACEMENT, "partnership-id",
                              se_record_get_id (twinning));
  g_assert_cmpuint (placements->len, ==, 1);
  placement = g_ptr_array_index (placements, 0);
  g_assert_cmpint (se_record_get_int (placement, "kind"), ==, SE_PLACEMENT_KIND_VIRTUAL);
  g_assert_cmpint (se_record_get_int (placement, "format"), ==, SE_PLACEMENT_FORMAT_VIRTUAL);
  g_assert_cmpint (se_record_get_int (placement, "status"), ==, SE_PLACEMENT_STATUS_COMPLETED);
  start = se_record_get_string (placement, "start-date");
  end = se_record_get_string (placement, "end-date");
  g_assert_cmpstr (end, <, "2021-08-24");
  g_assert_cmpint (se_date_days_between (start, end), >=, 15);
  g_assert_cmpint (se_date_days_between (start, end), <=, 21);

  /* Melanie Thüs of the Jobcenter Essen in Sunderland's HR department. */
  participants = se_store_find (f->store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (placement));
  g_assert_cmpuint (participants->len, ==, 1);
  participant = g_ptr_array_index (participants, 0);
  g_assert_cmpint (se_record_get_int (participant, "role"), ==, SE_PARTICIPANT_ROLE_GUEST);
  g_assert_cmpstr (family_name (f->store, se_record_get_reference (participant, "person-id")),
                   ==, "Thüs");
  g_assert_cmpint (se_record_get_reference (participant, "home-organisation-id"), ==, jobcenter);
  g_assert_cmpint (se_record_get_reference (participant, "host-organisation-id"), ==, sunderland);
  host_unit = se_store_lookup (f->store, SE_TYPE_UNIT,
                               se_record_get_reference (participant, "host-unit-id"));
  g_assert_nonnull (host_unit);
  g_assert_cmpstr (se_record_get_string (host_unit, "name"), ==, "Human Resources");
  g_assert_cmpint (se_record_get_reference (host_unit, "organisation-id"), ==, sunderland);
}

static void
test_delegation_visit (Fixture       *f,
                       gconstpointer  data)
{
  gint64 dortmund, leipzig;
  SeRecord *visit, *cooperation;
  g_autoptr(GPtrArray) participants = NULL;
  guint n_guests = 0, n_hosts = 0;

  load (f);

  dortmund = organisation (f->store, "Stadt Dortmund");
  leipzig = organisation (f->store, "Stadt Leipzig");
  cooperation = partnership_between (f->store, dortmund, leipzig);
  g_assert_cmpint (se_record_get_int (cooperation, "kind"), ==, SE_PARTNERSHIP_KIND_COOPERATION);

  visit = placement_of_kind (f->store, SE_PLACEMENT_KIND_DELEGATION_VISIT);
  g_assert_cmpstr (se_record_get_string (visit, "start-date"), ==, "2023-07-06");
  g_assert_cmpstr (se_record_get_string (visit, "end-date"), ==, "2023-07-06");
  g_assert_cmpint (se_record_get_reference (visit, "partnership-id"), ==,
                   se_record_get_id (cooperation));

  participants = se_store_find (f->store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (visit));
  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      const char *family = family_name (f->store, se_record_get_reference (p, "person-id"));

      /* Everybody met in Dortmund. */
      g_assert_cmpint (se_record_get_reference (p, "host-organisation-id"), ==, dortmund);
      if (se_record_get_int (p, "role") == SE_PARTICIPANT_ROLE_GUEST)
        {
          g_assert_cmpstr (family, ==, "Hörning");
          g_assert_cmpint (se_record_get_reference (p, "home-organisation-id"), ==, leipzig);
          n_guests++;
        }
      else
        {
          g_assert_cmpstr (family, ==, "Uhr");
          g_assert_cmpint (se_record_get_reference (p, "home-organisation-id"), ==, dortmund);
          n_hosts++;
        }
    }
  g_assert_cmpuint (n_guests, ==, 1);
  g_assert_cmpuint (n_hosts, ==, 1);
}

static void
test_job_swap (Fixture       *f,
               gconstpointer  data)
{
  gint64 salzuflen, kdn, home_a, host_a, home_b, host_b;
  SeRecord *swap, *a, *b;
  g_autoptr(SeRecord) nda = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GPtrArray) prerequisites = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *start, *end;
  guint n_first = 0, n_second = 0, n_salzuflen = 0, n_kdn = 0;
  guint n_nda = 0, n_employer = 0, n_days = 0;
  GDate day;

  load (f);

  salzuflen = organisation (f->store, "Stadt Bad Salzuflen");
  kdn = organisation (f->store, "KDN – Dachverband kommunaler IT-Dienstleister");

  swap = placement_of_kind (f->store, SE_PLACEMENT_KIND_JOB_SWAP);
  start = se_record_get_string (swap, "start-date");
  end = se_record_get_string (swap, "end-date");
  g_assert_cmpstr (start, ==, "2022-02-28");
  g_assert_cmpstr (end, ==, "2022-03-04");
  g_assert_true (se_record_get_int (swap, "confidential"));

  /* Two people crossing. */
  participants = se_store_find (f->store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (swap));
  g_assert_cmpuint (participants->len, ==, 2);
  a = g_ptr_array_index (participants, 0);
  b = g_ptr_array_index (participants, 1);
  home_a = se_record_get_reference (a, "home-organisation-id");
  host_a = se_record_get_reference (a, "host-organisation-id");
  home_b = se_record_get_reference (b, "home-organisation-id");
  host_b = se_record_get_reference (b, "host-organisation-id");
  g_assert_cmpint (home_a, !=, host_a);
  g_assert_cmpint (home_a, ==, host_b);
  g_assert_cmpint (host_a, ==, home_b);
  g_assert_true ((home_a == salzuflen && home_b == kdn) || (home_a == kdn && home_b == salzuflen));
  g_assert_cmpint (se_record_get_reference (a, "person-id"), !=,
                   se_record_get_reference (b, "person-id"));
  g_assert_cmpint (se_record_get_int (a, "role"), ==, SE_PARTICIPANT_ROLE_GUEST);
  g_assert_cmpint (se_record_get_int (b, "role"), ==, SE_PARTICIPANT_ROLE_GUEST);

  /* The mutual non-disclosure declaration, signed on both sides before. */
  nda = se_store_lookup (f->store, SE_TYPE_AGREEMENT,
                         se_record_get_reference (swap, "agreement-id"));
  g_assert_nonnull (nda);
  g_assert_cmpint (se_record_get_int (nda, "kind"), ==, SE_AGREEMENT_KIND_NON_DISCLOSURE);
  g_assert_cmpint (se_record_get_int (nda, "status"), ==, SE_AGREEMENT_STATUS_SIGNED);
  g_assert_true (se_record_get_int (nda, "confidential"));
  g_assert_cmpint (se_record_get_reference (nda, "party-a-id"), ==, salzuflen);
  g_assert_cmpint (se_record_get_reference (nda, "party-b-id"), ==, kdn);

  signatories = se_store_find (f->store, SE_TYPE_SIGNATORY, "agreement-id",
                               se_record_get_id (nda));
  g_assert_cmpuint (signatories->len, ==, 2);
  for (guint i = 0; i < signatories->len; i++)
    {
      SeRecord *s = g_ptr_array_index (signatories, i);
      gboolean first = se_record_get_int (s, "party") == SE_PARTY_FIRST;
      gint64 party = se_record_get_reference (nda, first ? "party-a-id" : "party-b-id");

      n_first += first;
      n_second += !first;
      g_assert_cmpint (person_organisation (f->store, se_record_get_reference (s, "person-id")),
                       ==, party);
      g_assert_nonnull (se_record_get_string (s, "signed-on"));
      g_assert_cmpstr (se_record_get_string (s, "signed-on"), <, start);
    }
  g_assert_cmpuint (n_first, ==, 1);
  g_assert_cmpuint (n_second, ==, 1);

  /* Approved by both employers. */
  approvals = se_store_find (f->store, SE_TYPE_APPROVAL, "agreement-id", se_record_get_id (nda));
  g_assert_cmpuint (approvals->len, ==, 2);
  for (guint i = 0; i < approvals->len; i++)
    {
      SeRecord *ap = g_ptr_array_index (approvals, i);
      gint64 employer = person_organisation (f->store, se_record_get_reference (ap, "person-id"));

      n_salzuflen += employer == salzuflen;
      n_kdn += employer == kdn;
      g_assert_nonnull (se_record_get_string (ap, "approved-on"));
      g_assert_cmpstr (se_record_get_string (ap, "approved-on"), <, start);
    }
  g_assert_cmpuint (n_salzuflen, ==, 1);
  g_assert_cmpuint (n_kdn, ==, 1);

  prerequisites = se_store_find (f->store, SE_TYPE_PREREQUISITE, "placement-id",
                                 se_record_get_id (swap));
  for (guint i = 0; i < prerequisites->len; i++)
    {
      SeRecord *p = g_ptr_array_index (prerequisites, i);
      const char *fulfilled = se_record_get_string (p, "fulfilled-on");

      g_assert_nonnull (fulfilled);
      g_assert_cmpstr (fulfilled, <, start);
      if (se_record_get_int (p, "kind") == SE_PREREQUISITE_KIND_NON_DISCLOSURE)
        {
          g_assert_cmpint (se_record_get_reference (p, "agreement-id"), ==,
                           se_record_get_id (nda));
          n_nda++;
        }
      else if (se_record_get_int (p, "kind") == SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL)
        n_employer++;
    }
  g_assert_cmpuint (n_nda, ==, 1);
  g_assert_cmpuint (n_employer, ==, 1);

  /* The morning briefing on each of the five days, everything within the week. */
  items = se_store_find (f->store, SE_TYPE_PROGRAMME_ITEM, "placement-id",
                         se_record_get_id (swap));
  g_assert_cmpuint (items->len, >, 5);
  for (guint i = 0; i < items->len; i++)
    {
      const char *date = se_record_get_string (g_ptr_array_index (items, i), "date");

      g_assert_cmpstr (date, >=, start);
      g_assert_cmpstr (date, <=, end);
    }

  g_assert_true (se_date_to_gdate (start, &day));
  for (;;)
    {
      g_autofree char *iso = se_date_from_gdate (&day);
      guint n_briefings = 0;

      for (guint i = 0; i < items->len; i++)
        {
          SeRecord *item = g_ptr_array_index (items, i);

          if (g_strcmp0 (se_record_get_string (item, "date"), iso) == 0
              && g_strcmp0 (se_record_get_string (item, "title"), "Tägliches Briefing") == 0)
            n_briefings++;
        }
      g_test_message ("briefing on %s", iso);
      g_assert_cmpuint (n_briefings, ==, 1);
      n_days++;

      if (strcmp (iso, end) >= 0 || n_days > 7)
        break;
      g_date_add_days (&day, 1);
    }
  g_assert_cmpuint (n_days, ==, 5);
}

static gint
compare_start (gconstpointer a,
               gconstpointer b)
{
  SeRecord *ra = *(SeRecord * const *) a;
  SeRecord *rb = *(SeRecord * const *) b;

  return g_strcmp0 (se_record_get_string (ra, "start-date"),
                    se_record_get_string (rb, "start-date"));
}

static void
test_cham_bautzen (Fixture       *f,
                   gconstpointer  data)
{
  gint64 lk_cham, lk_bautzen, jc_cham, jc_bautzen;
  SeRecord *district, *cooperation, *agreement, *fourth;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) covered = NULL;
  const char *signed_on = NULL;
  gboolean loeffler = FALSE, harig = FALSE, signing = FALSE;
  guint n_guests = 0, n_coordinators = 0;

  load (f);

  lk_cham = organisation (f->store, "Landkreis Cham");
  lk_bautzen = organisation (f->store, "Landkreis Bautzen");
  jc_cham = organisation (f->store, "Jobcenter Landkreis Cham");
  jc_bautzen = organisation (f->store, "Jobcenter Landkreis Bautzen");
  g_assert_cmpint (se_record_get_reference (find_one (f->store, SE_TYPE_ORGANISATION, "name",
                                                      "Jobcenter Landkreis Cham"),
                                            "parent-id"), ==, lk_cham);
  g_assert_cmpint (se_record_get_reference (find_one (f->store, SE_TYPE_ORGANISATION, "name",
                                                      "Jobcenter Landkreis Bautzen"),
                                            "parent-id"), ==, lk_bautzen);

  /* The job centres' cooperation lies within the district partnership. */
  district = partnership_between (f->store, lk_cham, lk_bautzen);
  g_assert_cmpstr (se_record_get_string (district, "since"), ==, "1992");
  g_assert_cmpint (se_record_get_int (district, "kind"), ==, SE_PARTNERSHIP_KIND_PARTNERSHIP);
  cooperation = partnership_between (f->store, jc_cham, jc_bautzen);
  g_assert_cmpint (se_record_get_int (cooperation, "kind"), ==, SE_PARTNERSHIP_KIND_COOPERATION);
  g_assert_cmpint (se_record_get_reference (cooperation, "parent-id"), ==,
                   se_record_get_id (district));

  /* The cooperation agreement, signed by both managing directors. */
  agreements = se_store_find (f->store, SE_TYPE_AGREEMENT, "partnership-id",
                              se_record_get_id (cooperation));
  g_assert_cmpuint (agreements->len, ==, 1);
  agreement = g_ptr_array_index (agreements, 0);
  g_assert_cmpint (se_record_get_int (agreement, "kind"), ==, SE_AGREEMENT_KIND_COOPERATION);
  g_assert_cmpint (se_record_get_int (agreement, "status"), ==, SE_AGREEMENT_STATUS_SIGNED);
  g_assert_null (se_record_get_string (agreement, "valid-until"));
  g_assert_cmpint (se_record_get_int (agreement, "quota-placements"), >, 0);
  g_assert_cmpint (se_record_get_int (agreement, "quota-days"), >, 0);

  signatories = se_store_find (f->store, SE_TYPE_SIGNATORY, "agreement-id",
                               se_record_get_id (agreement));
  g_assert_cmpuint (signatories->len, ==, 2);
  for (guint i = 0; i < signatories->len; i++)
    {
      SeRecord *s = g_ptr_array_index (signatories, i);
      gint64 person = se_record_get_reference (s, "person-id");
      gboolean first = se_record_get_int (s, "party") == SE_PARTY_FIRST;

      g_assert_cmpstr (family_name (f->store, person), ==, first ? "Beer" : "Bielich");
      g_assert_cmpint (person_organisation (f->store, person), ==, first ? jc_cham : jc_bautzen);
      g_assert_nonnull (se_record_get_string (s, "signed-on"));
      if (signed_on != NULL)
        g_assert_cmpstr (se_record_get_string (s, "signed-on"), ==, signed_on);
      signed_on = se_record_get_string (s, "signed-on");
    }
  g_assert_cmpint (se_record_get_int (g_ptr_array_index (signatories, 0), "party"), !=,
                   se_record_get_int (g_ptr_array_index (signatories, 1), "party"));
  g_assert_cmpstr (se_record_get_string (agreement, "valid-from"), ==, signed_on);

  /* ... with the consent given before by both district heads. */
  approvals = se_store_find (f->store, SE_TYPE_APPROVAL, "agreement-id",
                             se_record_get_id (agreement));
  g_assert_cmpuint (approvals->len, ==, 2);
  for (guint i = 0; i < approvals->len; i++)
    {
      SeRecord *ap = g_ptr_array_index (approvals, i);
      const char *family = family_name (f->store, se_record_get_reference (ap, "person-id"));

      loeffler |= g_strcmp0 (family, "Löffler") == 0;
      harig |= g_strcmp0 (family, "Harig") == 0;
      g_assert_nonnull (se_record_get_string (ap, "approved-on"));
      g_assert_cmpstr (se_record_get_string (ap, "approved-on"), <, signed_on);
    }
  g_assert_true (loeffler && harig);

  /* Four yearly working meetings, alternately in Bautzen and Cham; the
   * fourth in Cham, where the agreement was signed. */
  placements = se_store_find (f->store, SE_TYPE_PLACEMENT, "partnership-id",
                              se_record_get_id (cooperation));
  for (guint i = 0; i < placements->len; i++)
    if (se_record_get_int (g_ptr_array_index (placements, i), "kind")
        == SE_PLACEMENT_KIND_WORKING_MEETING)
      g_ptr_array_add (meetings, g_ptr_array_index (placements, i));
  g_assert_cmpuint (meetings->len, ==, 4);
  g_ptr_array_sort (meetings, compare_start);
  for (guint i = 0; i < meetings->len; i++)
    {
      const char *location = se_record_get_string (g_ptr_array_index (meetings, i), "location");

      g_assert_nonnull (location);
      g_assert_cmpint (strstr (location, "Cham") != NULL, ==, i % 2 == 1);
    }

  fourth = g_ptr_array_index (meetings, 3);
  g_assert_cmpstr (se_record_get_string (fourth, "start-date"), ==, signed_on);
  g_assert_cmpint (se_date_days_between (se_record_get_string (fourth, "start-date"),
                                         se_record_get_string (fourth, "end-date")), ==, 2);
  g_assert_nonnull (strstr (se_record_get_string (fourth, "location"), "Randsberghof"));

  participants = se_store_find (f->store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (fourth));
  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      int role = se_record_get_int (p, "role");

      g_assert_cmpint (se_record_get_reference (p, "host-organisation-id"), ==, jc_cham);
      if (role == SE_PARTICIPANT_ROLE_GUEST)
        {
          g_assert_cmpint (se_record_get_reference (p, "home-organisation-id"), ==, jc_bautzen);
          n_guests++;
        }
      else if (role == SE_PARTICIPANT_ROLE_COORDINATOR)
        {
          g_assert_cmpstr (family_name (f->store, se_record_get_reference (p, "person-id")),
                           ==, "Beer");
          n_coordinators++;
        }
    }
  g_assert_cmpuint (n_guests, >=, 2);
  g_assert_cmpuint (n_coordinators, ==, 1);

  items = se_store_find (f->store, SE_TYPE_PROGRAMME_ITEM, "placement-id",
                         se_record_get_id (fourth));
  for (guint i = 0; i < items->len; i++)
    {
      SeRecord *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (se_record_get_string (item, "date"), signed_on) == 0
          && strstr (se_record_get_string (item, "title"), "Unterzeichnung") != NULL)
        signing = TRUE;
    }
  g_assert_true (signing);

  /* A placement the agreement covers, within its validity. */
  covered = se_store_find (f->store, SE_TYPE_PLACEMENT, "agreement-id",
                           se_record_get_id (agreement));
  g_assert_cmpuint (covered->len, >=, 1);
  for (guint i = 0; i < covered->len; i++)
    g_assert_cmpstr (se_record_get_string (g_ptr_array_index (covered, i), "start-date"),
                     >=, signed_on);
}

static void
test_refused_when_not_empty (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint counts[G_N_ELEMENTS (expected)];

  load (f);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    counts[i] = se_store_count (f->store, expected[i].get_type ());

  g_assert_false (se_example_data_load (f->store, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (se_store_in_transaction (f->store));

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (se_store_count (f->store, expected[i].get_type ()), ==, counts[i]);
  assert_expected_counts (f->store);
}

static void
test_refused_with_own_record (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeTopic) topic = se_topic_new ();

  se_record_set_string (SE_RECORD (topic), "name", "Eigenes Thema");
  g_assert_true (se_store_save (f->store, SE_RECORD (topic), NULL, &error));
  g_assert_no_error (error);

  g_assert_false (se_example_data_load (f->store, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_TOPIC), ==, 1);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 0);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  SeRecord *twinning;

  load (f);
  reopen (f);
  assert_expected_counts (f->store);

  /* The references survive too. */
  twinning = partnership_between (f->store, organisation (f->store, "Stadt Essen"),
                                  organisation (f->store, "Sunderland City Council"));
  g_assert_cmpstr (se_record_get_string (twinning, "since"), ==, "1949");
}

/* A failure late in the load leaves nothing behind. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trigger = NULL;
  guint last = 0;
  sqlite3 *db = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    if (expected[i].get_type () == SE_TYPE_PLACEMENT_TOPIC)
      last = expected[i].count;
  g_assert_cmpuint (last, >, 1);

  /* Make the database refuse the last topic of a placement. */
  se_store_close (f->store);
  g_clear_object (&f->store);
  if (se_test_backend () == SE_TEST_PG)
    {
      trigger = g_strdup_printf ("CREATE FUNCTION test_refuse () RETURNS trigger LANGUAGE plpgsql AS $$"
                                 " BEGIN IF (SELECT count(*) FROM placement_topic) >= %u THEN"
                                 "  RAISE 'refused by the test'; END IF; RETURN NEW; END $$;"
                                 "CREATE TRIGGER test_refuse BEFORE INSERT ON placement_topic"
                                 " FOR EACH ROW EXECUTE FUNCTION test_refuse ()",
                                 last - 1);
      se_test_pg_run_in (f->path, trigger);
      g_clear_pointer (&trigger, g_free);
    }
  else
    {
      g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                       SQLITE_OK);
      trigger = g_strdup_printf ("CREATE TRIGGER test_refuse BEFORE INSERT ON placement_topic "
                                 "WHEN (SELECT count(*) FROM placement_topic) >= %u "
                                 "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
                                 last - 1);
      g_assert_cmpint (sqlite3_exec (db, trigger, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    }
  reopen (f);

  g_assert_false (se_example_data_load (f->store, &error));
  g_assert_nonnull (error);
  g_assert_false (se_store_in_transaction (f->store));
  g_assert_true (se_store_is_empty (f->store));

  reopen (f);
  g_assert_true (se_store_is_empty (f->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/example-data/counts", Fixture, NULL,
              fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/example-data/essen-sunderland", Fixture, NULL,
              fixture_set_up, test_essen_sunderland, fixture_tear_down);
  g_test_add ("/example-data/delegation-visit", Fixture, NULL,
              fixture_set_up, test_delegation_visit, fixture_tear_down);
  g_test_add ("/example-data/job-swap", Fixture, NULL,
              fixture_set_up, test_job_swap, fixture_tear_down);
  g_test_add ("/example-data/cham-bautzen", Fixture, NULL,
              fixture_set_up, test_cham_bautzen, fixture_tear_down);
  g_test_add ("/example-data/refused-when-loaded", Fixture, NULL,
              fixture_set_up, test_refused_when_not_empty, fixture_tear_down);
  g_test_add ("/example-data/refused-with-own-record", Fixture, NULL,
              fixture_set_up, test_refused_with_own_record, fixture_tear_down);
  g_test_add ("/example-data/reopen", Fixture, NULL,
              fixture_set_up, test_reopen, fixture_tear_down);
  g_test_add ("/example-data/all-or-nothing", Fixture, NULL,
              fixture_set_up, test_all_or_nothing, fixture_tear_down);

  return g_test_run ();
}
