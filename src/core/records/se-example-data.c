/* se-example-data.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>

#include "se-agreement.h"
#include "se-approval.h"
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
#include "se-topic.h"
#include "se-unit.h"

/* The example data: five exchanges between public administrations as
 * press releases and a blog post told them. Essen and Sunderland, town
 * twins since 1949, with a three-week virtual placement; a delegation from
 * Leipzig in Dortmund; a one-week job swap between Bad Salzuflen and the
 * KDN; the job centres of the districts Cham and Bautzen, their yearly
 * working meetings and their cooperation agreement. Where the documents
 * are silent (exact dates of some events, times, reference numbers,
 * quotas) the values are plausible ones. The data is of the kind users
 * keep, in the language of its organisations, and is not translated.
 *
 * The helpers do nothing once an error is set, so that each case reads as
 * a plain list of records; the first error stops the load and the caller
 * rolls everything back. */

typedef enum
{
  TOPIC_DIGITAL_TRANSFORMATION,
  TOPIC_WORKPLACE_OF_THE_FUTURE,
  TOPIC_FLEXIBLE_WORK,
  TOPIC_HEALTH_MANAGEMENT,
  TOPIC_HR_POLICIES,
  TOPIC_FAMILY_FRIENDLY,
  TOPIC_DIVERSITY,
  TOPIC_INTERNATIONAL,
  TOPIC_OZG,
  TOPIC_DOCUMENT_MANAGEMENT,
  TOPIC_E_FILE,
  TOPIC_REFUGEES,
  TOPIC_LONG_TERM_UNEMPLOYMENT,
  TOPIC_VIDEO_COUNSELLING,
  TOPIC_SOCIAL_DATA_PROTECTION,
  TOPIC_OBJECTIONS,
  TOPIC_SECURITY,
  TOPIC_FUNDING_AND_STAFF,
  TOPIC_INTERNAL_ORGANISATION,
  N_TOPICS
} Topic;

static const char * const topic_names[N_TOPICS] = {
  [TOPIC_DIGITAL_TRANSFORMATION] = "Digitale Transformation",
  [TOPIC_WORKPLACE_OF_THE_FUTURE] = "Arbeitsplatz der Zukunft",
  [TOPIC_FLEXIBLE_WORK] = "Flexible Arbeitsmodelle",
  [TOPIC_HEALTH_MANAGEMENT] = "Gesundheitsmanagement",
  [TOPIC_HR_POLICIES] = "Personalrichtlinien",
  [TOPIC_FAMILY_FRIENDLY] = "Mutterschutz und familienfreundliche Maßnahmen",
  [TOPIC_DIVERSITY] = "Vielfalt und Gleichstellung",
  [TOPIC_INTERNATIONAL] = "Internationale Zusammenarbeit",
  [TOPIC_OZG] = "Onlinezugangsgesetz (OZG)",
  [TOPIC_DOCUMENT_MANAGEMENT] = "Dokumentenmanagement",
  [TOPIC_E_FILE] = "E-Akte",
  [TOPIC_REFUGEES] = "Betreuung von Geflüchteten",
  [TOPIC_LONG_TERM_UNEMPLOYMENT] = "Langzeitarbeitslosigkeit",
  [TOPIC_VIDEO_COUNSELLING] = "Videoberatung",
  [TOPIC_SOCIAL_DATA_PROTECTION] = "Sozialdatenschutz",
  [TOPIC_OBJECTIONS] = "Widersprüche und Klagen",
  [TOPIC_SECURITY] = "Sicherheit in Jobcentern",
  [TOPIC_FUNDING_AND_STAFF] = "Finanz- und Personalausstattung",
  [TOPIC_INTERNAL_ORGANISATION] = "Interne Organisation",
};

typedef struct
{
  const char *date;
  const char *from;
  const char *to;
  const char *title;
  const char *location;
  const char *notes;
} Item;

typedef struct
{
  const char *given;
  const char *family;
} Name;

typedef struct
{
  SeStore  *store;
  GError  **error;   /* never NULL; set by the first failure */
  gint64    topics[N_TOPICS];
} Loader;

/* Creates a record of @type from property name/value pairs (references as
 * gint64, choices and yes/no as int), saves it and returns its id. */
static gint64 add (Loader     *l,
                   GType       type,
                   const char *first_property,
                   ...) G_GNUC_NULL_TERMINATED;

static gint64
add (Loader     *l,
     GType       type,
     const char *first_property,
     ...)
{
  g_autoptr(SeRecord) record = NULL;
  va_list args;

  if (*l->error != NULL)
    return 0;

  va_start (args, first_property);
  record = SE_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);

  if (!se_store_save (l->store, record, NULL, l->error))
    return 0;
  return se_record_get_id (record);
}

static gint64
add_unit (Loader     *l,
          gint64      organisation,
          const char *name)
{
  return add (l, SE_TYPE_UNIT, "organisation-id", organisation, "name", name, NULL);
}

static gint64
add_person (Loader     *l,
            gint64      organisation,
            gint64      unit,
            const char *given,
            const char *family,
            const char *function)
{
  return add (l, SE_TYPE_PERSON,
              "given-name", given,
              "family-name", family,
              "organisation-id", organisation,
              "unit-id", unit,
              "function", function,
              NULL);
}

static void
add_participant (Loader            *l,
                 gint64             placement,
                 gint64             person,
                 SeParticipantRole  role,
                 gint64             home,
                 gint64             host,
                 gint64             host_unit)
{
  add (l, SE_TYPE_PARTICIPANT,
       "placement-id", placement,
       "person-id", person,
       "role", role,
       "home-organisation-id", home,
       "host-organisation-id", host,
       "host-unit-id", host_unit,
       NULL);
}

static void
add_programme (Loader     *l,
               gint64      placement,
               const Item *items,
               gsize       n_items)
{
  for (gsize i = 0; i < n_items; i++)
    add (l, SE_TYPE_PROGRAMME_ITEM,
         "placement-id", placement,
         "date", items[i].date,
         "start-time", items[i].from,
         "end-time", items[i].to,
         "title", items[i].title,
         "location", items[i].location,
         "notes", items[i].notes,
         NULL);
}

static void
add_topics (Loader      *l,
            gint64       placement,
            const Topic *topics,
            gsize        n_topics)
{
  for (gsize i = 0; i < n_topics; i++)
    add (l, SE_TYPE_PLACEMENT_TOPIC,
         "placement-id", placement,
         "topic-id", l->topics[topics[i]],
         NULL);
}

static void
add_topic_list (Loader *l)
{
  for (guint i = 0; i < N_TOPICS; i++)
    l->topics[i] = add (l, SE_TYPE_TOPIC, "name", topic_names[i], NULL);
}

/* 000: Essen and Sunderland, town twins since 1949; Melanie Thüs of the
 * Jobcenter Essen works three weeks virtually in Sunderland's HR
 * department. The press release is dated 24.08.2021. */
static void
add_essen_sunderland (Loader *l)
{
  static const Topic topics[] = {
    TOPIC_HR_POLICIES, TOPIC_FAMILY_FRIENDLY, TOPIC_DIVERSITY, TOPIC_INTERNATIONAL,
  };
  gint64 essen, jobcenter, sunderland;
  gint64 employer_services, hr;
  gint64 thues, miller;
  gint64 twinning, placement;

  essen = add (l, SE_TYPE_ORGANISATION,
               "name", "Stadt Essen",
               "short-name", "Essen",
               "kind", SE_ORGANISATION_KIND_CITY,
               "region", "Nordrhein-Westfalen",
               "address", "Rathaus\nPorscheplatz\n45121 Essen",
               "website", "www.essen.de",
               NULL);
  jobcenter = add (l, SE_TYPE_ORGANISATION,
                   "name", "Jobcenter Essen",
                   "short-name", "JobCenter Essen",
                   "kind", SE_ORGANISATION_KIND_JOB_CENTRE,
                   "region", "Nordrhein-Westfalen",
                   "parent-id", essen,
                   NULL);
  sunderland = add (l, SE_TYPE_ORGANISATION,
                    "name", "Sunderland City Council",
                    "short-name", "Sunderland",
                    "kind", SE_ORGANISATION_KIND_FOREIGN_AUTHORITY,
                    "country", "GB",
                    "region", "Tyne and Wear",
                    "website", "www.sunderland.gov.uk",
                    NULL);

  add_unit (l, essen, "Büro des Oberbürgermeisters – Internationales/"
                     "Interkommunale Beziehungen, Städtepartnerschaften");
  employer_services = add_unit (l, jobcenter, "Bürogemeinschaft für Arbeitsmarktförderung");
  hr = add_unit (l, sunderland, "Human Resources");

  thues = add (l, SE_TYPE_PERSON,
               "given-name", "Melanie",
               "family-name", "Thüs",
               "organisation-id", jobcenter,
               "unit-id", employer_services,
               "function", "Arbeitgeberberaterin",
               "languages", "Deutsch, Englisch",
               NULL);
  miller = add (l, SE_TYPE_PERSON,
                "given-name", "Graeme",
                "family-name", "Miller",
                "organisation-id", sunderland,
                "function", "Leader of Sunderland City Council (Cllr)",
                "languages", "Englisch",
                NULL);

  twinning = add (l, SE_TYPE_PARTNERSHIP,
                  "title", "Städtepartnerschaft Essen – Sunderland",
                  "organisation-a-id", essen,
                  "organisation-b-id", sunderland,
                  "kind", SE_PARTNERSHIP_KIND_PARTNERSHIP,
                  "since", "1949",
                  "status", SE_PARTNERSHIP_STATUS_ACTIVE,
                  "contact-b-id", miller,
                  "description",
                  "Ursprünglich der Versöhnung ehemaliger Kriegsgegner dienend, hat sich aus "
                  "der Partnerschaft eine Freundschaft entwickelt, die von Projekten, "
                  "Austauschmaßnahmen und persönlichen Beziehungen getragen wird. Auf Essener "
                  "Seite betreut vom Bereich Internationales/Interkommunale Beziehungen, "
                  "Städtepartnerschaften im Büro des Oberbürgermeisters.",
                  NULL);

  placement = add (l, SE_TYPE_PLACEMENT,
                   "kind", SE_PLACEMENT_KIND_VIRTUAL,
                   "title", "Virtueller Verwaltungsaustausch mit der Partnerstadt Sunderland",
                   "start-date", "2021-08-02",
                   "end-date", "2021-08-20",
                   "format", SE_PLACEMENT_FORMAT_VIRTUAL,
                   "location", "Sunderland (virtuell)",
                   "status", SE_PLACEMENT_STATUS_COMPLETED,
                   "partnership-id", twinning,
                   "goals",
                   "Drei Wochen virtuelle Mitarbeit in der Personalabteilung des Sunderland "
                   "City Council, außerhalb des eigenen Tätigkeitsfeldes und auf Englisch:\n"
                   "– Erneuerung der Richtlinie für Mutterschutz und familienfreundliche "
                   "Maßnahmen\n"
                   "– Erneuerung der Richtlinie zur Unterstützung von trans- und non-binären "
                   "Mitarbeiter*innen\n"
                   "– Entwurf einer neuen Richtlinie für Frauen in den Wechseljahren",
                   "outcome",
                   "Erster virtueller Verwaltungsaustausch mit Sunderland. Melanie Thüs "
                   "empfiehlt den virtuellen Austausch ihren Kolleginnen und Kollegen und "
                   "möchte Sunderland im nächsten Jahr persönlich besuchen. Sunderland "
                   "(Cllr Graeme Miller) will solche Austausche weiterentwickeln, solange "
                   "Reisebeschränkungen bestehen; das Büro des Oberbürgermeisters freut sich "
                   "auf einen weiteren Austausch, hoffentlich bald wieder in Präsenz.",
                   NULL);
  add_participant (l, placement, thues, SE_PARTICIPANT_ROLE_GUEST, jobcenter, sunderland, hr);
  add_topics (l, placement, topics, G_N_ELEMENTS (topics));
}

/* 001: a delegation from Leipzig visits Dortmund on Thursday, 6 July 2023. */
static void
add_leipzig_dortmund (Loader *l)
{
  static const Topic topics[] = {
    TOPIC_DIGITAL_TRANSFORMATION, TOPIC_WORKPLACE_OF_THE_FUTURE, TOPIC_FLEXIBLE_WORK,
    TOPIC_HEALTH_MANAGEMENT,
  };
  static const Item programme[] = {
    { "2023-07-06", "10:00", "10:30", "Begrüßung der Leipziger Delegation",
      "Dortmund", "Christian Uhr, Personal- und Organisationsdezernent" },
    { "2023-07-06", "10:30", "12:00", "Dortmunder Initiativen für moderne Büroflächen",
      "Dortmund", "Moderne Arbeitsplatzkonzepte der Stadtverwaltung Dortmund" },
    { "2023-07-06", "13:00", "15:00",
      "Austausch: flexible Arbeitsmodelle, innovative Technologien, gesunde Arbeitsumgebung",
      "Dortmund", "Erfahrungen und Best Practices aus Leipzig und Dortmund" },
  };
  gint64 dortmund, leipzig, dortmund_staff, leipzig_admin;
  gint64 uhr, hoerning, cooperation, visit;

  dortmund = add (l, SE_TYPE_ORGANISATION,
                  "name", "Stadt Dortmund",
                  "short-name", "Dortmund",
                  "kind", SE_ORGANISATION_KIND_CITY,
                  "region", "Nordrhein-Westfalen",
                  "website", "www.dortmund.de",
                  NULL);
  leipzig = add (l, SE_TYPE_ORGANISATION,
                 "name", "Stadt Leipzig",
                 "short-name", "Leipzig",
                 "kind", SE_ORGANISATION_KIND_CITY,
                 "region", "Sachsen",
                 "website", "www.leipzig.de",
                 NULL);
  dortmund_staff = add_unit (l, dortmund, "Personal- und Organisationsdezernat");
  leipzig_admin = add_unit (l, leipzig, "Dezernat Allgemeine Verwaltung");

  uhr = add_person (l, dortmund, dortmund_staff, "Christian", "Uhr",
                    "Personal- und Organisationsdezernent");
  hoerning = add_person (l, leipzig, leipzig_admin, "Ulrich", "Hörning",
                         "Bürgermeister und Beigeordneter für Allgemeine Verwaltung");

  cooperation = add (l, SE_TYPE_PARTNERSHIP,
                     "title", "Verwaltungskooperation Dortmund – Leipzig",
                     "organisation-a-id", dortmund,
                     "organisation-b-id", leipzig,
                     "kind", SE_PARTNERSHIP_KIND_COOPERATION,
                     "status", SE_PARTNERSHIP_STATUS_ACTIVE,
                     "contact-a-id", uhr,
                     "contact-b-id", hoerning,
                     "description",
                     "Intensiver Austausch zur Gestaltung der modernen Arbeitswelt. Ziel ist, "
                     "die digitale Transformation voranzubringen und mit interkommunaler "
                     "Kooperation Weichen für eine erfolgreiche Zukunft zu stellen.",
                     NULL);

  visit = add (l, SE_TYPE_PLACEMENT,
               "kind", SE_PLACEMENT_KIND_DELEGATION_VISIT,
               "title", "Verwaltungsdelegation aus Leipzig in Dortmund",
               "start-date", "2023-07-06",
               "end-date", "2023-07-06",
               "format", SE_PLACEMENT_FORMAT_ON_SITE,
               "location", "Dortmund",
               "status", SE_PLACEMENT_STATUS_COMPLETED,
               "partnership-id", cooperation,
               "goals",
               "Austausch mit Dortmunder Stadtvertreter*innen über digitale Transformation, "
               "Innovationskraft und den „Arbeitsplatz der Zukunft“: flexible Arbeitsmodelle, "
               "innovative Technologien und die Förderung einer gesunden Arbeitsumgebung. "
               "Dortmund stellt seine Initiativen für moderne Büroflächen vor.",
               "outcome",
               "Positive Bilanz: Beide Seiten haben von Erfahrungen und Best Practices "
               "profitiert. Der Arbeitsplatz der Zukunft ist ein zentrales Thema für beide "
               "Städte; der Austausch hat Leipzig neue Perspektiven eröffnet, um die eigenen "
               "Lösungen weiterzuentwickeln. Der Besuch markiert einen Meilenstein in der "
               "Zusammenarbeit der beiden Städte.",
               NULL);
  add_participant (l, visit, hoerning, SE_PARTICIPANT_ROLE_GUEST, leipzig, dortmund,
                   dortmund_staff);
  add_participant (l, visit, uhr, SE_PARTICIPANT_ROLE_COORDINATOR, dortmund, dortmund,
                   dortmund_staff);
  add_programme (l, visit, programme, G_N_ELEMENTS (programme));
  add_topics (l, visit, topics, G_N_ELEMENTS (topics));
}

/* 002, 003: Lena Sargalski (Bad Salzuflen) and Clarisse Schröder (KDN)
 * swap jobs in the carnival week 2022, after a mutual non-disclosure
 * declaration and with the approval of both employers. */
static void
add_bad_salzuflen_kdn (Loader *l)
{
  static const Topic topics[] = {
    TOPIC_OZG, TOPIC_DOCUMENT_MANAGEMENT, TOPIC_DIGITAL_TRANSFORMATION, TOPIC_E_FILE,
  };
  static const Item programme[] = {
    { "2022-02-28", "08:30", "08:40", "Tägliches Briefing", "virtuell",
      "Gegenseitiges zehnminütiges Briefing" },
    { "2022-02-28", "11:11", "11:30", "Weekly mit der OZG-Koordinierungsstelle NRW", "virtuell",
      "Lena wird von den Teams KDN und d-NRW im virtuellen Konferenzraum empfangen; nach "
      "15 Minuten sind alle Aufgaben verteilt." },
    { "2022-02-28", "14:00", "15:30", "Treffen mit der Verwaltungsspitze", "Bad Salzuflen",
      "Clarisse trifft Melanie Koring, Erste Beigeordnete und Kämmerin: strategisches "
      "Finanzmanagement, Personalgesamtsteuerung, Innovationsprojekte und Stadtstrategie." },
    { "2022-03-01", "08:30", "08:40", "Tägliches Briefing", "virtuell",
      "Gegenseitiges zehnminütiges Briefing" },
    { "2022-03-01", "10:00", "11:30", "Interkommunale Austauschrunde Dokumentenmanagementsystem",
      NULL,
      "Die Gruppe trifft sich alle vier bis acht Wochen und berichtet über Fortschritte, "
      "Erfolge und Hürden bei der Einführung im eigenen Haus." },
    { "2022-03-01", "13:00", "14:00", "Task Force Portalverbund", NULL,
      "Moderation: Lena Sargalski" },
    { "2022-03-02", "08:30", "08:40", "Tägliches Briefing", "virtuell",
      "Gegenseitiges zehnminütiges Briefing" },
    { "2022-03-02", "09:30", "12:30", "Veranstaltung der Initiative K", "Bad Salzuflen (online)",
      "Bad Salzuflen ist Gastgeberstadt. Eröffnung durch Bürgermeister Dirk Tolkemitt, "
      "Keynote von Lena Sargalski zur internen Kompetenzentwicklung; Programm von "
      "Onlinebeteiligung über Smart Industrial City bis zu einem interkommunalen "
      "Serviceportal." },
    { "2022-03-02", "14:00", "15:00", "Weekly Kommunalportal.NRW", "virtuell",
      "Mit den Kooperationspartnern SIT und regio iT" },
    { "2022-03-03", "08:30", "08:40", "Tägliches Briefing", "virtuell",
      "Gegenseitiges zehnminütiges Briefing" },
    { "2022-03-03", "10:00", "11:30", "Austausch mit Paderborn zur E-Sozialakte", NULL,
      "Zwei Kollegen des Sozialamtes Paderborn geben Einblick in die E-Sozialakte; Bad "
      "Salzuflen ist in der Konzeptionierungsphase." },
    { "2022-03-03", "16:30", "17:30", "Weekly Beteiligungsplattform.NRW", "virtuell",
      "Mit der Geschäftsstelle Open.NRW und der kdvz Rhein-Erft-Rur; Lena gibt kommunales "
      "Feedback zur wenige Tage zuvor gestarteten Plattform." },
    { "2022-03-04", "08:30", "08:40", "Tägliches Briefing", "virtuell",
      "Nächste Schritte: wie wir einer größeren Gruppe unsere Erfahrungen zugänglich machen" },
    { "2022-03-04", "10:30", "11:00", "Kaffeepause mit Karl-Josef Konopka", NULL,
      "Geschäftsführer des KDN" },
    { "2022-03-04", "14:00", "15:00", "Reflexion des Job Swops", "virtuell",
      "In Freizeitkleidung, ohne Make-up, virtuellen Hintergrund und Filter" },
  };
  gint64 salzuflen, kdn, digital, competence;
  gint64 sargalski, schroeder, koring, konopka;
  gint64 project, nda, swap;

  salzuflen = add (l, SE_TYPE_ORGANISATION,
                   "name", "Stadt Bad Salzuflen",
                   "short-name", "Bad Salzuflen",
                   "kind", SE_ORGANISATION_KIND_CITY,
                   "region", "Nordrhein-Westfalen",
                   "website", "www.bad-salzuflen.de",
                   NULL);
  kdn = add (l, SE_TYPE_ORGANISATION,
             "name", "KDN – Dachverband kommunaler IT-Dienstleister",
             "short-name", "KDN",
             "kind", SE_ORGANISATION_KIND_UMBRELLA_BODY,
             "region", "Nordrhein-Westfalen",
             "website", "www.kdn.de",
             "notes",
             "29 Mitglieder, die gemeinsam über 17 Millionen Bürgerinnen und Bürger in "
             "Nordrhein-Westfalen versorgen; Partner der Kommunen und des Landes in der "
             "Verwaltungsdigitalisierung.",
             NULL);
  digital = add_unit (l, salzuflen, "Stabsstelle Digitalisierung");
  competence = add_unit (l, kdn, "Kompetenzzentrum Digitalisierung");

  sargalski = add_person (l, salzuflen, digital, "Lena", "Sargalski",
                          "Verantwortlich für die Ausgestaltung des digitalen Wandels");
  schroeder = add_person (l, kdn, competence, "Clarisse", "Schröder",
                          "Koordination der kommunalen OZG-Umsetzung in NRW");
  koring = add_person (l, salzuflen, 0, "Melanie", "Koring",
                       "Erste Beigeordnete und Kämmerin");
  add_person (l, kdn, 0, "Wiebke", "Borchert", "Personalrätin");
  konopka = add_person (l, kdn, 0, "Karl-Josef", "Konopka", "Geschäftsführer");

  project = add (l, SE_TYPE_PARTNERSHIP,
                 "title", "Job Swop Bad Salzuflen – KDN",
                 "organisation-a-id", salzuflen,
                 "organisation-b-id", kdn,
                 "kind", SE_PARTNERSHIP_KIND_PROJECT,
                 "since", "2022",
                 "until", "2022",
                 "status", SE_PARTNERSHIP_STATUS_ENDED,
                 "contact-a-id", sargalski,
                 "contact-b-id", schroeder,
                 "description",
                 "Arbeitsplatztausch für eine Woche, um neue Perspektiven und Arbeitsmethoden "
                 "im digitalen Sektor kennenzulernen. Die Idee entstand im Nachwuchsnetzwerk "
                 "des Nationalen E-Government-Kompetenzzentrums (N3GZ).",
                 NULL);

  nda = add (l, SE_TYPE_AGREEMENT,
             "partnership-id", project,
             "party-a-id", salzuflen,
             "party-b-id", kdn,
             "kind", SE_AGREEMENT_KIND_NON_DISCLOSURE,
             "title", "Gegenseitige Verschwiegenheitserklärung",
             "status", SE_AGREEMENT_STATUS_SIGNED,
             "valid-from", "2022-02-22",
             "confidential", TRUE,
             "terms",
             "Lena Sargalski und Clarisse Schröder verpflichten sich gegenseitig, über alle "
             "dienstlichen Angelegenheiten, die ihnen während des Arbeitsplatztauschs vom "
             "28.02. bis 04.03.2022 bei der jeweils anderen Stelle bekannt werden, "
             "Verschwiegenheit zu wahren, auch nach dem Ende des Tauschs. Dies entspricht dem "
             "Vorgehen bei Praktika und Hospitationen im öffentlichen Dienst.",
             NULL);
  add (l, SE_TYPE_SIGNATORY,
       "agreement-id", nda,
       "party", SE_PARTY_FIRST,
       "person-id", sargalski,
       "function", "Verantwortlich für die Ausgestaltung des digitalen Wandels",
       "signed-on", "2022-02-21",
       NULL);
  add (l, SE_TYPE_SIGNATORY,
       "agreement-id", nda,
       "party", SE_PARTY_SECOND,
       "person-id", schroeder,
       "function", "Koordination der kommunalen OZG-Umsetzung in NRW",
       "signed-on", "2022-02-22",
       NULL);
  add (l, SE_TYPE_APPROVAL,
       "agreement-id", nda,
       "person-id", koring,
       "function", "Erste Beigeordnete und Kämmerin, Stadt Bad Salzuflen",
       "approved-on", "2022-02-07",
       "note", "Genehmigung des Arbeitsplatztauschs durch den Arbeitgeber",
       NULL);
  add (l, SE_TYPE_APPROVAL,
       "agreement-id", nda,
       "person-id", konopka,
       "function", "Geschäftsführer, KDN",
       "approved-on", "2022-02-08",
       "note", "Genehmigung des Arbeitsplatztauschs durch den Arbeitgeber",
       NULL);

  swap = add (l, SE_TYPE_PLACEMENT,
              "kind", SE_PLACEMENT_KIND_JOB_SWAP,
              "title", "Job Swop in der Karnevalswoche",
              "start-date", "2022-02-28",
              "end-date", "2022-03-04",
              "format", SE_PLACEMENT_FORMAT_HYBRID,
              "location", "Bad Salzuflen und KDN",
              "status", SE_PLACEMENT_STATUS_COMPLETED,
              "partnership-id", project,
              "agreement-id", nda,
              "confidential", TRUE,
              "goals",
              "Zwei kommunale Digital-Frauen tauschen für eine Woche den Job: Lerneffekt, "
              "neue Perspektiven und Arbeitsmethoden im digitalen Sektor, eine neue Sicht auf "
              "die eigene Rolle. Jeden Morgen ein gegenseitiges zehnminütiges Briefing.",
              "outcome",
              "Der Job Swop hat beide in dem bestärkt, was ihnen liegt; im Regal der "
              "Partnerin fanden sie Werkzeuge für den eigenen Rucksack. Dachverband, "
              "IT-Dienstleister und Kommune haben ein gemeinsames Ziel und ziehen an einem "
              "Strang. Verfahren wie eine E-Sozialakte lassen sich nicht nebenbei einführen: "
              "Wer es ernst meint mit der Digitalisierung, muss intern Personal bereitstellen. "
              "Der direkte Austausch zwischen IT-Dienstleistern, Organisationen und kommunalen "
              "Akteuren sollte mehr gefördert werden. Vorstellung beim N3GZ-Meetup am "
              "26.04.2022: in 5 Steps zum eigenen Job Swop.",
              NULL);
  add_participant (l, swap, sargalski, SE_PARTICIPANT_ROLE_GUEST, salzuflen, kdn, competence);
  add_participant (l, swap, schroeder, SE_PARTICIPANT_ROLE_GUEST, kdn, salzuflen, digital);
  add (l, SE_TYPE_PREREQUISITE,
       "placement-id", swap,
       "kind", SE_PREREQUISITE_KIND_NON_DISCLOSURE,
       "description", "Gegenseitige Verschwiegenheitserklärung unterschrieben",
       "agreement-id", nda,
       "fulfilled-on", "2022-02-22",
       NULL);
  add (l, SE_TYPE_PREREQUISITE,
       "placement-id", swap,
       "kind", SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL,
       "description", "Genehmigung durch beide Arbeitgeber",
       "fulfilled-on", "2022-02-08",
       NULL);
  add_programme (l, swap, programme, G_N_ELEMENTS (programme));
  add_topics (l, swap, topics, G_N_ELEMENTS (topics));
}

/* 004: the districts Cham and Bautzen, partners since 1992; their job
 * centres meet once a year, alternately in Bautzen and Cham. At the fourth
 * meeting the managing directors sign the agreement that makes mutual
 * staff hospitations possible, with the consent of both district heads. */
static void
add_cham_bautzen (Loader *l)
{
  static const Name cham_leaders[] = {
    { "Sebastian", "Bart" }, { "Alexander", "Pauser" }, { "Martin", "Neuner" },
    { "Christian", "Ederer" }, { "Walter", "Denk" }, { "Sven", "Schmuderer" },
  };
  static const Name bautzen_leaders[] = {
    { "Kristin", "Penther" }, { "Monika", "Garitonov" }, { "Sandro", "Fiebig" },
    { "Claudia", "Kolbe-Cygoniak" }, { "Lydia", "Meißner" },
  };
  static const struct
  {
    const char *title;
    const char *start;
    const char *end;
    gboolean    in_cham;
  } earlier_meetings[] = {
    { "1. Arbeitstreffen der Jobcenter Bautzen und Cham", "2016-09-21", "2016-09-22", FALSE },
    { "2. Arbeitstreffen der Jobcenter Cham und Bautzen", "2017-09-20", "2017-09-21", TRUE },
    { "3. Arbeitstreffen der Jobcenter Bautzen und Cham", "2018-09-19", "2018-09-20", FALSE },
  };
  static const Item night_tour[] = {
    { "2017-09-20", "20:00", "21:30", "Historische Führung durch das nächtliche Cham", "Cham",
      NULL },
  };
  static const Item fourth_programme[] = {
    { "2019-09-25", "13:00", "13:30", "Begrüßung durch Patricia Stoiber",
      "Tagungshotel Randsberghof",
      "Die Geschäftsleitende Beamtin des Landratsamtes Cham begrüßt die Gäste in Vertretung "
      "von Landrat Franz Löffler und überreicht Erinnerungsgeschenke." },
    { "2019-09-25", "13:30", "16:30", "Fachlicher Erfahrungsaustausch",
      "Tagungshotel Randsberghof", NULL },
    { "2019-09-25", "16:30", "17:00",
      "Unterzeichnung der Kooperationsvereinbarung über gegenseitige Personalhospitationen",
      "Tagungshotel Randsberghof",
      "Josef Beer und Mathias Bielich unterzeichnen unter den Augen ihrer Führungskräfte." },
    { "2019-09-25", "17:30", "19:00", "Besichtigung der Kaffeerösterei Chamer Land",
      "Marktplatz, Cham",
      "Anbau, Ernte, Herstellung und Handel von Kaffee; Verkostung mit Blick auf den "
      "Marktplatzbrunnen" },
    { "2019-09-26", "09:00", "12:00", "Fachlicher Erfahrungsaustausch (Fortsetzung)",
      "Tagungshotel Randsberghof", NULL },
  };
  static const Topic fourth_topics[] = {
    TOPIC_REFUGEES, TOPIC_LONG_TERM_UNEMPLOYMENT, TOPIC_VIDEO_COUNSELLING,
    TOPIC_SOCIAL_DATA_PROTECTION, TOPIC_E_FILE, TOPIC_OBJECTIONS, TOPIC_HEALTH_MANAGEMENT,
    TOPIC_SECURITY, TOPIC_FUNDING_AND_STAFF, TOPIC_DIGITAL_TRANSFORMATION,
    TOPIC_INTERNAL_ORGANISATION,
  };
  static const Topic hospitation_topics[] = {
    TOPIC_VIDEO_COUNSELLING, TOPIC_E_FILE,
  };
  gint64 district_cham, district_bautzen, jc_cham, jc_bautzen, integration;
  gint64 beer, bielich, loeffler, harig, trainee;
  gint64 cham_ids[G_N_ELEMENTS (cham_leaders)];
  gint64 bautzen_ids[G_N_ELEMENTS (bautzen_leaders)];
  gint64 district_partnership, cooperation, agreement, meeting, hospitation;

  district_cham = add (l, SE_TYPE_ORGANISATION,
                       "name", "Landkreis Cham",
                       "short-name", "LK Cham",
                       "kind", SE_ORGANISATION_KIND_DISTRICT,
                       "region", "Bayern",
                       "website", "www.landkreis-cham.de",
                       NULL);
  district_bautzen = add (l, SE_TYPE_ORGANISATION,
                          "name", "Landkreis Bautzen",
                          "short-name", "LK Bautzen",
                          "kind", SE_ORGANISATION_KIND_DISTRICT,
                          "region", "Sachsen",
                          "website", "www.landkreis-bautzen.de",
                          NULL);
  jc_cham = add (l, SE_TYPE_ORGANISATION,
                 "name", "Jobcenter Landkreis Cham",
                 "short-name", "Jobcenter Cham",
                 "kind", SE_ORGANISATION_KIND_JOB_CENTRE,
                 "region", "Bayern",
                 "parent-id", district_cham,
                 NULL);
  jc_bautzen = add (l, SE_TYPE_ORGANISATION,
                    "name", "Jobcenter Landkreis Bautzen",
                    "short-name", "Jobcenter Bautzen",
                    "kind", SE_ORGANISATION_KIND_JOB_CENTRE,
                    "region", "Sachsen",
                    "parent-id", district_bautzen,
                    NULL);
  integration = add_unit (l, jc_cham, "Markt und Integration");

  loeffler = add_person (l, district_cham, 0, "Franz", "Löffler", "Landrat");
  harig = add_person (l, district_bautzen, 0, "Michael", "Harig", "Landrat");
  add_person (l, district_cham, 0, "Patricia", "Stoiber",
              "Geschäftsleitende Beamtin des Landratsamtes Cham");
  beer = add_person (l, jc_cham, 0, "Josef", "Beer", "Geschäftsführer");
  bielich = add_person (l, jc_bautzen, 0, "Mathias", "Bielich", "Geschäftsführer");
  for (gsize i = 0; i < G_N_ELEMENTS (cham_leaders); i++)
    cham_ids[i] = add_person (l, jc_cham, 0, cham_leaders[i].given, cham_leaders[i].family,
                              "Führungskraft");
  for (gsize i = 0; i < G_N_ELEMENTS (bautzen_leaders); i++)
    bautzen_ids[i] = add_person (l, jc_bautzen, 0, bautzen_leaders[i].given,
                                 bautzen_leaders[i].family, "Führungskraft");

  district_partnership = add (l, SE_TYPE_PARTNERSHIP,
                              "title", "Landkreispartnerschaft Cham – Bautzen",
                              "organisation-a-id", district_cham,
                              "organisation-b-id", district_bautzen,
                              "kind", SE_PARTNERSHIP_KIND_PARTNERSHIP,
                              "since", "1992",
                              "status", SE_PARTNERSHIP_STATUS_ACTIVE,
                              "contact-a-id", loeffler,
                              "contact-b-id", harig,
                              "description",
                              "Seit 1992 machen die Landkreise Cham und Bautzen gemeinsame "
                              "Sache; im Rahmen der Partnerschaft arbeiten auch die Jobcenter "
                              "eng zusammen.",
                              NULL);
  cooperation = add (l, SE_TYPE_PARTNERSHIP,
                     "title", "Kooperation der Jobcenter Cham und Bautzen",
                     "organisation-a-id", jc_cham,
                     "organisation-b-id", jc_bautzen,
                     "kind", SE_PARTNERSHIP_KIND_COOPERATION,
                     "since", "2016",
                     "status", SE_PARTNERSHIP_STATUS_ACTIVE,
                     "contact-a-id", beer,
                     "contact-b-id", bielich,
                     "parent-id", district_partnership,
                     "description",
                     "Jährliche Arbeitstreffen der Führungskräfte, abwechselnd in Cham und "
                     "Bautzen: Pflege der freundschaftlichen Beziehungen und fachlicher "
                     "Erfahrungsaustausch. Seit 2019 sind gegenseitige Personalhospitationen "
                     "durch eine Kooperationsvereinbarung offiziell möglich.",
                     NULL);

  agreement = add (l, SE_TYPE_AGREEMENT,
                   "partnership-id", cooperation,
                   "party-a-id", jc_cham,
                   "party-b-id", jc_bautzen,
                   "kind", SE_AGREEMENT_KIND_COOPERATION,
                   "reference", "JC-CHA-BZ-2019-01",
                   "title", "Kooperationsvereinbarung über gegenseitige Personalhospitationen",
                   "status", SE_AGREEMENT_STATUS_SIGNED,
                   "valid-from", "2019-09-25",
                   "quota-placements", 4,
                   "quota-days", 20,
                   "confidential", TRUE,
                   "terms",
                   "1. Die Jobcenter Landkreis Cham und Landkreis Bautzen ermöglichen im "
                   "Rahmen der Landkreispartnerschaft gegenseitige Personalhospitationen. "
                   "Beschäftigte beider Jobcenter können mit Zustimmung ihrer Geschäftsführung "
                   "im jeweils anderen Jobcenter hospitieren, um Arbeitsweisen kennenzulernen "
                   "und Erfahrungen auszutauschen.\n"
                   "2. Je Kalenderjahr und Richtung sind bis zu vier Hospitationen mit "
                   "zusammen höchstens 20 Arbeitstagen vorgesehen.\n"
                   "3. Die Hospitierenden bleiben Beschäftigte ihres Jobcenters; Reisekosten "
                   "trägt das entsendende Jobcenter.\n"
                   "4. Die Hospitierenden sind vor Beginn auf das Sozialgeheimnis (§ 35 SGB I) "
                   "zu verpflichten.\n"
                   "5. Die Vereinbarung gilt unbefristet. Sie kann von jeder Seite mit einer "
                   "Frist von drei Monaten zum Jahresende gekündigt werden.",
                   NULL);
  add (l, SE_TYPE_SIGNATORY,
       "agreement-id", agreement,
       "party", SE_PARTY_FIRST,
       "person-id", beer,
       "function", "Geschäftsführer, Jobcenter Landkreis Cham",
       "signed-on", "2019-09-25",
       NULL);
  add (l, SE_TYPE_SIGNATORY,
       "agreement-id", agreement,
       "party", SE_PARTY_SECOND,
       "person-id", bielich,
       "function", "Geschäftsführer, Jobcenter Landkreis Bautzen",
       "signed-on", "2019-09-25",
       NULL);
  add (l, SE_TYPE_APPROVAL,
       "agreement-id", agreement,
       "person-id", loeffler,
       "function", "Landrat, Landkreis Cham",
       "approved-on", "2019-07-05",
       "note", "Einverständnis bei einem Treffen der beiden Landräte",
       NULL);
  add (l, SE_TYPE_APPROVAL,
       "agreement-id", agreement,
       "person-id", harig,
       "function", "Landrat, Landkreis Bautzen",
       "approved-on", "2019-07-05",
       "note", "Einverständnis bei einem Treffen der beiden Landräte",
       NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (earlier_meetings); i++)
    {
      gboolean in_cham = earlier_meetings[i].in_cham;
      gint64 host = in_cham ? jc_cham : jc_bautzen;

      meeting = add (l, SE_TYPE_PLACEMENT,
                     "kind", SE_PLACEMENT_KIND_WORKING_MEETING,
                     "title", earlier_meetings[i].title,
                     "start-date", earlier_meetings[i].start,
                     "end-date", earlier_meetings[i].end,
                     "format", SE_PLACEMENT_FORMAT_ON_SITE,
                     "location", in_cham ? "Cham" : "Bautzen",
                     "status", SE_PLACEMENT_STATUS_COMPLETED,
                     "partnership-id", cooperation,
                     "goals",
                     "Jährliches Arbeitstreffen der Führungskräfte beider Jobcenter: Pflege "
                     "der freundschaftlichen Beziehungen und fachlicher Erfahrungsaustausch.",
                     NULL);
      add_participant (l, meeting, in_cham ? bielich : beer, SE_PARTICIPANT_ROLE_GUEST,
                       in_cham ? jc_bautzen : jc_cham, host, 0);
      add_participant (l, meeting, in_cham ? beer : bielich, SE_PARTICIPANT_ROLE_COORDINATOR,
                       host, host, 0);
      if (in_cham)
        add_programme (l, meeting, night_tour, G_N_ELEMENTS (night_tour));
    }

  meeting = add (l, SE_TYPE_PLACEMENT,
                 "kind", SE_PLACEMENT_KIND_WORKING_MEETING,
                 "title", "4. Arbeitstreffen der Jobcenter Cham und Bautzen",
                 "start-date", "2019-09-25",
                 "end-date", "2019-09-26",
                 "format", SE_PLACEMENT_FORMAT_ON_SITE,
                 "location", "Tagungshotel Randsberghof, Cham",
                 "status", SE_PLACEMENT_STATUS_COMPLETED,
                 "partnership-id", cooperation,
                 "goals",
                 "Pflege der gewachsenen freundschaftlichen Beziehungen und vor allem "
                 "fachlicher Erfahrungsaustausch mit dem Ziel, gegenseitig Anregungen zu "
                 "bekommen: Betreuung der anerkannten Flüchtlinge, Abbau der "
                 "Langzeitarbeitslosigkeit, Einsatz von WhatsApp und Videoberatung, "
                 "Gewährleistung des Sozialdatenschutzes, Erfahrungen mit der elektronischen "
                 "Akte, Bewältigung der Widersprüche und Klagen, aktives "
                 "Gesundheitsmanagement, Sicherheit in den Jobcentern, Finanz- und "
                 "Personalausstattung, Digitalisierung und interne Organisation.",
                 "outcome",
                 "Als Schlusspunkt des ersten Tages unterzeichneten die Geschäftsführer Josef "
                 "Beer und Mathias Bielich die Vereinbarung, auf deren Basis gegenseitige "
                 "Personalhospitationen offiziell möglich sind – mit dem Einverständnis der "
                 "Landräte Franz Löffler und Michael Harig eine bundesweit einmalige "
                 "Kooperation.",
                 NULL);
  add_participant (l, meeting, bielich, SE_PARTICIPANT_ROLE_GUEST, jc_bautzen, jc_cham, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (bautzen_ids); i++)
    add_participant (l, meeting, bautzen_ids[i], SE_PARTICIPANT_ROLE_GUEST,
                     jc_bautzen, jc_cham, 0);
  add_participant (l, meeting, beer, SE_PARTICIPANT_ROLE_COORDINATOR, jc_cham, jc_cham, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (cham_ids); i++)
    add_participant (l, meeting, cham_ids[i], SE_PARTICIPANT_ROLE_MENTOR, jc_cham, jc_cham, 0);
  add_programme (l, meeting, fourth_programme, G_N_ELEMENTS (fourth_programme));
  add_topics (l, meeting, fourth_topics, G_N_ELEMENTS (fourth_topics));

  /* A hospitation under the agreement, still to be approved. It is
   * invented, to show a planned placement, and so is its participant:
   * "Erika Mustermann" is the German specimen name, so that no real
   * person of the sources is said to have a placement they do not. */
  trainee = add_person (l, jc_bautzen, 0, "Erika", "Mustermann", "Sachbearbeiterin");
  hospitation = add (l, SE_TYPE_PLACEMENT,
                     "kind", SE_PLACEMENT_KIND_HOSPITATION,
                     "title", "Hospitation im Jobcenter Landkreis Cham",
                     "start-date", "2027-04-12",
                     "end-date", "2027-04-16",
                     "format", SE_PLACEMENT_FORMAT_ON_SITE,
                     "location", "Cham",
                     "status", SE_PLACEMENT_STATUS_PROPOSED,
                     "partnership-id", cooperation,
                     "agreement-id", agreement,
                     "confidential", TRUE,
                     "goals",
                     "Einblick in die Arbeit des Bereichs Markt und Integration: Einsatz der "
                     "Videoberatung und Arbeit mit der elektronischen Akte.",
                     NULL);
  add_participant (l, hospitation, trainee, SE_PARTICIPANT_ROLE_GUEST,
                   jc_bautzen, jc_cham, integration);
  add (l, SE_TYPE_PREREQUISITE,
       "placement-id", hospitation,
       "kind", SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL,
       "description", "Zustimmung der Geschäftsführung des Jobcenters Landkreis Bautzen",
       NULL);
  add (l, SE_TYPE_PREREQUISITE,
       "placement-id", hospitation,
       "kind", SE_PREREQUISITE_KIND_NON_DISCLOSURE,
       "description", "Verpflichtung auf das Sozialgeheimnis (§ 35 SGB I)",
       NULL);
  add_topics (l, hospitation, hospitation_topics, G_N_ELEMENTS (hospitation_topics));
}

/**
 * se_example_data_load:
 * @store: an empty store
 * @error: return location for an error
 *
 * Stores the example data: five exchanges between public administrations
 * with their organisations, people, partnerships, agreements and
 * placements. Everything is stored in one transaction, so either all of it
 * or nothing. A store that holds records already is refused and left as
 * it is.
 *
 * Returns: %TRUE if the example data has been stored
 */
gboolean
se_example_data_load (SeStore  *store,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  Loader loader = { store, &local_error, { 0 } };

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (!se_store_in_transaction (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!se_store_is_empty (store))
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("Example data can only be loaded into an empty database. "
                             "Create a new database first."));
      return FALSE;
    }

  if (!se_store_begin (store, error))
    return FALSE;

  add_topic_list (&loader);
  add_essen_sunderland (&loader);
  add_leipzig_dortmund (&loader);
  add_bad_salzuflen_kdn (&loader);
  add_cham_bautzen (&loader);

  if (local_error != NULL)
    {
      se_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return se_store_commit (store, error);
}
