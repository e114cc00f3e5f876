/* se-generate.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a large database of made-up records for the scale benchmarks.
 * The store creates the schema; the rows then go in over a connection of
 * its own with SQLite directly, in one transaction with reused prepared
 * statements, which is much faster for 200,000 placements than saving
 * them one by one through the store. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "se-store.h"

/* Writes a large, realistic database for the benchmarks and the tests of
 * the list models: by default what an umbrella body of several hundred
 * municipalities gathers in decades, 10,000 organisations, 50,000 people,
 * 5,000 partnerships, 20,000 agreements and 200,000 placements with
 * 300,000 participants; all counts scale with --placements.
 *
 *   se-generate --output FILE [--placements N] [--seed S]
 *
 * The file is created by se_store_open (), so that its schema, triggers
 * and search index are the app's own; the rows are then written through
 * prepared statements in one transaction, which is what makes 200,000
 * placements take a minute rather than an hour. The same seed gives the
 * same database. */

static const char *given_de[] = {
  "Jürgen", "Jörg", "Käthe", "Björn", "Sören", "Günther", "Bärbel", "Hans-Jürgen", "Anna",
  "Lukas", "Lena", "Maximilian", "Sophie", "Jonas", "Marie", "Felix", "Julia", "Paul", "Laura",
  "Tobias", "Katharina", "Dominik", "Franziska", "Matthias", "Ursula", "Dieter", "Doris",
  "Dagmar", "Detlef", "Dörte", "Özlem", "Murat", "Ayşe", "Jürgen", "Uwe", "Götz", "Renée",
};
static const char *given_en[] = {
  "James", "Oliver", "Emily", "Charlotte", "Daniel", "David", "Diana", "Deborah", "George",
  "Harry", "Isla", "Amelia", "Thomas", "Sarah", "Michael", "Rebecca", "Siobhán", "Seán",
  "Chloé", "Zoë",
};
static const char *family_de[] = {
  "Müller", "Schröder", "Schäfer", "Köhler", "Böhm", "Krüger", "Günther", "Lübke", "Jäger",
  "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
  "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann",
  "Dietrich", "Dörr", "Düring", "Dahlmann", "Diekmann", "Özdemir", "Yılmaz", "Groß", "Weiß",
  "Fuß", "Strauß", "Brückner", "Thür", "Mühlbauer", "von der Heydt", "Lüdenscheidt",
};
static const char *family_en[] = {
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Dixon", "Doyle",
  "O'Brien", "Evans", "Thomas", "Johnson", "Roberts", "Walker", "Wright", "Robinson", "Byrne",
  "Murphy", "Kelly", "Ó Súilleabháin",
};
static const char *places_de[] = {
  "Köln", "München", "Düsseldorf", "Göttingen", "Lübeck", "Nürnberg", "Würzburg",
  "Osnabrück", "Saarbrücken", "Fürth", "Tübingen", "Lüneburg", "Gütersloh", "Mülheim",
  "Dortmund", "Dresden", "Duisburg", "Darmstadt", "Detmold", "Dessau", "Essen", "Bremen",
  "Hannover", "Leipzig", "Erfurt", "Kiel", "Rostock", "Freiburg", "Ulm", "Jena", "Bielefeld",
  "Münster", "Bückeburg", "Königswinter", "Völklingen", "Pößneck", "Görlitz", "Zwickau",
};
static const char *places_en[] = {
  "Leeds", "Manchester", "Bristol", "Dublin", "Derby", "Dundee", "Durham", "Oxford",
  "Cambridge", "York", "Cork", "Galway", "Newcastle", "Sheffield", "Nottingham",
};
static const char *regions[] = {
  "Nordrhein-Westfalen", "Bayern", "Baden-Württemberg", "Niedersachsen", "Hessen", "Sachsen",
  "Thüringen", "Rheinland-Pfalz", "Saarland", "Schleswig-Holstein", "Brandenburg",
  "Mecklenburg-Vorpommern", "Sachsen-Anhalt", "Hamburg", "Bremen", "Berlin",
};
static const char *regions_en[] = {
  "England", "Scotland", "Wales", "Leinster", "Munster", "Connacht",
};
static const char *org_prefix_de[] = {
  "Stadt", "Landkreis", "Kreisverwaltung", "Landratsamt", "Jobcenter", "Stadtwerke",
  "Gemeinde", "Amt", "Bezirksregierung", "Landesamt für Digitalisierung",
};
static const char *org_prefix_en[] = {
  "City of", "County Council of", "Borough of", "Digital Services of",
};
static const char *org_kinds[] = {
  "city", "district", "state-agency", "job-centre", "it-service-provider", "umbrella-body",
  "foreign-authority", "other",
};
static const char *topics[] = {
  "Digitalisierung", "Datenschutz", "Bürgerservice", "Klimaschutz", "Verkehrswende",
  "Personalgewinnung", "E-Akte", "Open Data", "Digital services", "Smart City",
  "Wohnungsbau", "Integration", "Katastrophenschutz", "Gesundheitsamt", "Beschaffung",
  "Haushalt", "Bauaufsicht", "Schulverwaltung", "Jugendhilfe", "Sozialamt",
  "Öffentlichkeitsarbeit", "Wirtschaftsförderung", "Tourismus", "Kultur", "Europaarbeit",
  "Städtepartnerschaft", "Umweltschutz", "Abfallwirtschaft", "Digitale Bildung",
  "Diversity management", "Data protection", "Citizen services", "Procurement",
  "Fachkräftesicherung", "Dokumentenmanagement", "Geodaten", "Grünflächen", "Straßenbau",
  "Energiewende", "Zuwanderung",
};
static const char *title_de[] = {
  "Hospitation", "Jobtausch", "Arbeitstreffen", "Delegationsbesuch", "Virtuelle Hospitation",
  "Fachaustausch", "Abordnung", "Workshop",
};
static const char *title_en[] = {
  "Job shadowing:", "Job swap:", "Working meeting on", "Study visit:", "Virtual exchange:",
  "Peer review:",
};
static const char *functions[] = {
  "Sachbearbeiterin", "Sachbearbeiter", "Referentin", "Referent", "Amtsleiterin",
  "Abteilungsleiter", "Digitalisierungsbeauftragte", "Datenschutzbeauftragter",
  "Personalrätin", "Head of digital services", "Policy officer", "Team leader",
};
static const char *placement_kinds[] = {
  "hospitation", "job-swap", "virtual", "secondment", "delegation-visit", "working-meeting",
};
static const char *partnership_kinds[] = {
  "partnership", "friendship", "project", "contact", "cooperation",
};
static const char *partnership_status[] = { "active", "planned", "dormant", "ended" };
static const char *agreement_kinds[] = {
  "cooperation", "hospitation", "non-disclosure", "charter", "amendment",
};
static const char *roles[] = { "guest", "guest", "guest", "mentor", "coordinator" };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  sqlite3 *db;
  GRand   *rand;
} Gen;

static void
check (Gen        *gen,
       int         rc,
       const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("se-generate: %s: %s\n", what, sqlite3_errmsg (gen->db));
      exit (1);
    }
}

static sqlite3_stmt *
prepare (Gen        *gen,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check (gen, sqlite3_prepare_v2 (gen->db, sql, -1, &stmt, NULL), sql);
  return stmt;
}

static gint64
run (Gen          *gen,
     sqlite3_stmt *stmt)
{
  check (gen, sqlite3_step (stmt), sqlite3_sql (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return sqlite3_last_insert_rowid (gen->db);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

/* A date between 1990-01-01 and 2030-12-31, as ISO text. */
static GDate
random_date (Gen *gen,
             int  first_year,
             int  last_year)
{
  GDate date;
  guint32 first, last;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, (GDateYear) first_year);
  first = g_date_get_julian (&date);
  g_date_set_dmy (&date, 31, 12, (GDateYear) last_year);
  last = g_date_get_julian (&date);
  g_date_set_julian (&date, (guint32) g_rand_int_range (gen->rand, (gint32) first,
                                                        (gint32) last + 1));
  return date;
}

static void
format_date (const GDate *date,
             char         buf[11])
{
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static const char *
place (Gen      *gen,
       gboolean *english)
{
  *english = g_rand_int_range (gen->rand, 0, 10) == 0;
  return *english ? PICK (gen->rand, places_en) : PICK (gen->rand, places_de);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *output = NULL;
  gint64 n_placements = 200000;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The database to write (must not exist)",
      "FILE" },
    { "placements", 'n', 0, G_OPTION_ARG_INT64, &n_placements,
      "Number of placements; the other counts scale with it (200000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random numbers (1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a large test database");
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GArray) person_org = g_array_new (FALSE, FALSE, sizeof (gint64));
  double scale;
  gint64 n_orgs, n_people, n_partnerships, n_agreements, n_participants;
  gint64 participants_left, t0, t1;
  sqlite3_stmt *org, *unit, *person, *topic, *partnership, *agreement, *placement, *participant,
               *placement_topic;
  gint64 *partnership_a, *partnership_b, *agreement_partnership;
  Gen gen;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("se-generate: %s\n", error->message);
      return 2;
    }
  if (output == NULL || n_placements < 10)
    {
      g_printerr ("se-generate: give --output FILE and at least 10 placements\n");
      return 2;
    }
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr ("se-generate: %s exists already; remove it first\n", output);
      return 2;
    }

  scale = (double) n_placements / 200000.0;
  n_orgs = MAX (10, (gint64) (10000 * scale));
  n_people = MAX (20, (gint64) (50000 * scale));
  n_partnerships = MAX (5, (gint64) (5000 * scale));
  n_agreements = MAX (5, (gint64) (20000 * scale));
  n_participants = n_placements * 3 / 2;

  t0 = g_get_monotonic_time ();

  /* The app's own schema, then the connection of our own. */
  store = se_store_open (output, SE_STORE_OPEN_FLAGS_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("se-generate: %s\n", error->message);
      return 1;
    }
  se_store_close (store);

  if (sqlite3_open_v2 (output, &gen.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_printerr ("se-generate: %s\n", sqlite3_errmsg (gen.db));
      return 1;
    }
  gen.rand = g_rand_new_with_seed ((guint32) seed);
  check (&gen, sqlite3_exec (gen.db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -200000;"
                                     "BEGIN IMMEDIATE", NULL, NULL, NULL), "BEGIN");

  org = prepare (&gen, "INSERT INTO organisation (name, short_name, kind, country, region, "
                       "parent_id, address, website) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  unit = prepare (&gen, "INSERT INTO unit (organisation_id, name) VALUES (?1, ?2)");
  person = prepare (&gen, "INSERT INTO person (given_name, family_name, organisation_id, "
                          "function, email, languages) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  topic = prepare (&gen, "INSERT INTO topic (name) VALUES (?1)");
  partnership = prepare (&gen, "INSERT INTO partnership (title, organisation_a_id, "
                               "organisation_b_id, kind, since, until, status) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  agreement = prepare (&gen, "INSERT INTO agreement (partnership_id, party_a_id, party_b_id, "
                             "kind, reference, title, status, valid_from, valid_until, "
                             "quota_placements, quota_days) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  placement = prepare (&gen, "INSERT INTO placement (kind, title, start_date, end_date, format, "
                             "location, status, partnership_id, agreement_id, goals) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  participant = prepare (&gen, "INSERT INTO participant (placement_id, person_id, role, "
                               "home_organisation_id, host_organisation_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
  placement_topic = prepare (&gen, "INSERT INTO placement_topic (placement_id, topic_id) "
                                   "VALUES (?1, ?2)");

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      bind_text (topic, 1, topics[i]);
      run (&gen, topic);
    }

  /* Organisations 1..n; every tenth one a department of an earlier one. */
  for (gint64 i = 1; i <= n_orgs; i++)
    {
      gboolean english;
      const char *city = place (&gen, &english);
      const char *prefix = english ? PICK (gen.rand, org_prefix_en)
                                   : PICK (gen.rand, org_prefix_de);
      g_autofree char *name = g_strdup_printf ("%s %s %" G_GINT64_FORMAT, prefix, city, i);
      g_autofree char *short_name = g_strdup_printf ("%.3s-%" G_GINT64_FORMAT, city, i);
      g_autofree char *address = english
        ? g_strdup_printf ("%d Town Hall Square, %s", g_rand_int_range (gen.rand, 1, 200), city)
        : g_strdup_printf ("Rathausplatz %d, %05d %s", g_rand_int_range (gen.rand, 1, 200),
                           g_rand_int_range (gen.rand, 1067, 99999), city);
      g_autofree char *website = g_strdup_printf ("https://www.example-%" G_GINT64_FORMAT ".org", i);

      bind_text (org, 1, name);
      bind_text (org, 2, short_name);
      bind_text (org, 3, english ? "foreign-authority" : PICK (gen.rand, org_kinds));
      bind_text (org, 4, english ? (g_rand_boolean (gen.rand) ? "GB" : "IE") : "DE");
      bind_text (org, 5, english ? PICK (gen.rand, regions_en) : PICK (gen.rand, regions));
      if (i > 10 && i % 10 == 0)
        sqlite3_bind_int64 (org, 6, g_rand_int_range (gen.rand, 1, (gint32) i));
      bind_text (org, 7, address);
      bind_text (org, 8, website);
      run (&gen, org);

      bind_text (unit, 2, "Personal und Organisation");
      sqlite3_bind_int64 (unit, 1, i);
      run (&gen, unit);
    }

  for (gint64 i = 1; i <= n_people; i++)
    {
      gboolean english = g_rand_int_range (gen.rand, 0, 5) == 0;
      const char *given = english ? PICK (gen.rand, given_en) : PICK (gen.rand, given_de);
      const char *family = english ? PICK (gen.rand, family_en) : PICK (gen.rand, family_de);
      gint64 org_id = g_rand_int_range (gen.rand, 1, (gint32) n_orgs + 1);
      g_autofree char *email = g_strdup_printf ("person%" G_GINT64_FORMAT "@example.org", i);

      bind_text (person, 1, given);
      bind_text (person, 2, family);
      sqlite3_bind_int64 (person, 3, org_id);
      bind_text (person, 4, PICK (gen.rand, functions));
      bind_text (person, 5, g_rand_boolean (gen.rand) ? email : NULL);
      bind_text (person, 6, english ? "en" : "de, en");
      run (&gen, person);
      g_array_append_val (person_org, org_id);
    }

  partnership_a = g_new (gint64, n_partnerships + 1);
  partnership_b = g_new (gint64, n_partnerships + 1);
  for (gint64 i = 1; i <= n_partnerships; i++)
    {
      gint64 a = g_rand_int_range (gen.rand, 1, (gint32) n_orgs + 1);
      gint64 b = 1 + (a + g_rand_int_range (gen.rand, 0, (gint32) n_orgs - 1)) % n_orgs;
      GDate since = random_date (&gen, 1955, 2025);
      char since_text[11], until_text[11];
      const char *status = PICK (gen.rand, partnership_status);
      g_autofree char *title = NULL;

      /* Every fifth partnership has no title: it goes by its members' names. */
      if (i % 5 != 0)
        title = g_strdup_printf ("%s %s–%s", g_rand_boolean (gen.rand) ? "Partnerschaft"
                                                                       : "Partnership",
                                 PICK (gen.rand, places_de), PICK (gen.rand, places_en));
      /* A year, a month or a day, as people remember when it began. */
      g_snprintf (since_text, sizeof since_text, "%04u-%02u-%02u", g_date_get_year (&since),
                  g_date_get_month (&since), g_date_get_day (&since));
      since_text[g_rand_int_range (gen.rand, 0, 3) == 0 ? 4 : 10] = '\0';
      bind_text (partnership, 1, title);
      sqlite3_bind_int64 (partnership, 2, a);
      sqlite3_bind_int64 (partnership, 3, b);
      bind_text (partnership, 4, PICK (gen.rand, partnership_kinds));
      bind_text (partnership, 5, since_text);
      if (g_str_equal (status, "ended"))
        {
          g_snprintf (until_text, sizeof until_text, "%04u",
                      MIN (2026u, g_date_get_year (&since) + (guint) g_rand_int_range (gen.rand, 1, 30)));
          bind_text (partnership, 6, until_text);
        }
      bind_text (partnership, 7, status);
      run (&gen, partnership);
      partnership_a[i] = a;
      partnership_b[i] = b;
    }

  agreement_partnership = g_new (gint64, n_agreements + 1);
  for (gint64 i = 1; i <= n_agreements; i++)
    {
      gint64 p = 1 + (i - 1) % n_partnerships;
      GDate from = random_date (&gen, 1990, 2028);
      char from_text[11], until_text[11];
      g_autofree char *reference = g_strdup_printf ("AZ %d/%04u-%s", g_rand_int_range (gen.rand, 1, 99),
                                                    g_date_get_year (&from),
                                                    g_rand_boolean (gen.rand) ? "ö" : "ü");
      g_autofree char *title = g_strdup_printf ("%s %s %" G_GINT64_FORMAT,
                                                g_rand_boolean (gen.rand)
                                                  ? "Kooperationsvereinbarung"
                                                  : "Vereinbarung über Hospitationen",
                                                PICK (gen.rand, topics), i);
      gboolean open_ended = g_rand_int_range (gen.rand, 0, 10) < 3;
      GDate until = from;
      const char *status;

      g_date_add_years (&until, (guint) g_rand_int_range (gen.rand, 1, 10));
      format_date (&from, from_text);
      format_date (&until, until_text);
      status = g_strcmp0 (from_text, "2026-01-01") > 0 ? (g_rand_boolean (gen.rand) ? "draft" : "negotiation")
             : (!open_ended && g_strcmp0 (until_text, "2026-01-01") < 0) ? "expired"
             : g_rand_int_range (gen.rand, 0, 20) == 0 ? "terminated" : "signed";

      sqlite3_bind_int64 (agreement, 1, p);
      sqlite3_bind_int64 (agreement, 2, partnership_a[p]);
      sqlite3_bind_int64 (agreement, 3, partnership_b[p]);
      bind_text (agreement, 4, PICK (gen.rand, agreement_kinds));
      bind_text (agreement, 5, reference);
      bind_text (agreement, 6, title);
      bind_text (agreement, 7, status);
      bind_text (agreement, 8, from_text);
      bind_text (agreement, 9, open_ended ? NULL : until_text);
      sqlite3_bind_int (agreement, 10, g_rand_int_range (gen.rand, 0, 3) == 0 ? 20 : 0);
      sqlite3_bind_int (agreement, 11, 0);
      run (&gen, agreement);
      agreement_partnership[i] = p;
    }

  participants_left = n_participants;
  for (gint64 i = 1; i <= n_placements; i++)
    {
      GDate start = random_date (&gen, 1990, 2030), end;
      char start_text[11], end_text[11];
      const char *kind = PICK (gen.rand, placement_kinds);
      gboolean english;
      const char *city = place (&gen, &english);
      guint t = (guint) g_rand_int_range (gen.rand, 0, G_N_ELEMENTS (topics));
      g_autofree char *title = g_strconcat (english ? PICK (gen.rand, title_en)
                                                    : PICK (gen.rand, title_de),
                                            " ", topics[t], NULL);
      gint64 a = 0, p = 0, home, host;
      int days = g_str_equal (kind, "secondment") ? g_rand_int_range (gen.rand, 30, 180)
               : g_str_equal (kind, "hospitation") || g_str_equal (kind, "job-swap")
                 ? g_rand_int_range (gen.rand, 1, 15) : g_rand_int_range (gen.rand, 0, 3);
      const char *status;
      gint64 id;
      int n_here;

      end = start;
      g_date_add_days (&end, (guint) days);
      format_date (&start, start_text);
      format_date (&end, end_text);
      status = g_strcmp0 (end_text, "2026-01-01") < 0
               ? (g_rand_int_range (gen.rand, 0, 12) == 0 ? "cancelled" : "completed")
               : (g_rand_boolean (gen.rand) ? "approved" : "proposed");

      if (g_rand_int_range (gen.rand, 0, 10) < 7)
        {
          a = g_rand_int_range (gen.rand, 1, (gint32) n_agreements + 1);
          p = agreement_partnership[a];
        }
      else if (g_rand_boolean (gen.rand))
        p = g_rand_int_range (gen.rand, 1, (gint32) n_partnerships + 1);

      bind_text (placement, 1, kind);
      bind_text (placement, 2, title);
      bind_text (placement, 3, start_text);
      bind_text (placement, 4, end_text);
      bind_text (placement, 5, g_str_equal (kind, "virtual") ? "virtual" : "on-site");
      bind_text (placement, 6, g_str_equal (kind, "virtual") ? NULL : city);
      bind_text (placement, 7, status);
      if (p != 0)
        sqlite3_bind_int64 (placement, 8, p);
      if (a != 0)
        sqlite3_bind_int64 (placement, 9, a);
      bind_text (placement, 10, g_rand_int_range (gen.rand, 0, 4) == 0
                                ? "Erfahrungen austauschen und voneinander lernen" : NULL);
      id = run (&gen, placement);

      sqlite3_bind_int64 (placement_topic, 1, id);
      sqlite3_bind_int64 (placement_topic, 2, t + 1);
      run (&gen, placement_topic);

      /* One or two participants, on average 1.5 a placement. */
      n_here = (int) MIN (participants_left, (i % 2 == 0) ? 2 : 1);
      if (i == n_placements)
        n_here = (int) participants_left;
      for (int k = 0; k < n_here; k++)
        {
          gint64 who = g_rand_int_range (gen.rand, 1, (gint32) n_people + 1);
          gint64 org_id = g_array_index (person_org, gint64, who - 1);

          home = org_id;
          host = p != 0 ? (partnership_a[p] == home ? partnership_b[p] : partnership_a[p])
                        : 1 + (home + g_rand_int_range (gen.rand, 0, (gint32) n_orgs - 1)) % n_orgs;
          if (host == home)
            host = 1 + home % n_orgs;
          sqlite3_bind_int64 (participant, 1, id);
          sqlite3_bind_int64 (participant, 2, who);
          bind_text (participant, 3, PICK (gen.rand, roles));
          sqlite3_bind_int64 (participant, 4, home);
          sqlite3_bind_int64 (participant, 5, host);
          run (&gen, participant);
        }
      participants_left -= n_here;
    }

  check (&gen, sqlite3_exec (gen.db, "COMMIT", NULL, NULL, NULL), "COMMIT");
  /* The state a database is in after months of use: statistics for the
   * query planner (SQLite's own advice for long-lived files). */
  check (&gen, sqlite3_exec (gen.db, "PRAGMA optimize; ANALYZE;", NULL, NULL, NULL), "ANALYZE");

  sqlite3_finalize (org);
  sqlite3_finalize (unit);
  sqlite3_finalize (person);
  sqlite3_finalize (topic);
  sqlite3_finalize (partnership);
  sqlite3_finalize (agreement);
  sqlite3_finalize (placement);
  sqlite3_finalize (participant);
  sqlite3_finalize (placement_topic);
  sqlite3_close (gen.db);
  t1 = g_get_monotonic_time ();

  g_free (partnership_a);
  g_free (partnership_b);
  g_free (agreement_partnership);
  g_rand_free (gen.rand);

  g_print ("se-generate: %s: %" G_GINT64_FORMAT " organisations, %" G_GINT64_FORMAT
           " people, %" G_GINT64_FORMAT " partnerships, %" G_GINT64_FORMAT " agreements, %"
           G_GINT64_FORMAT " placements, %" G_GINT64_FORMAT " participants in %.1f s\n",
           output, n_orgs, n_people, n_partnerships, n_agreements, n_placements, n_participants,
           (double) (t1 - t0) / G_USEC_PER_SEC);
  return 0;
}
