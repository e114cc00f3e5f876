/* se-privacy.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-enums.h"
#include "se-field-type.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-privacy.h"
#include "se-private-file.h"
#include "se-signatory.h"

/* The duties a German office has towards the people in its records
 * (GDPR/DSGVO): tell a person everything kept about them (Art. 15), erase
 * them or, where placements and agreements must stay for the statistics
 * and the files, anonymise them (Art. 17), and do so when the retention
 * period after their last placement has run out. The store has
 * secure_delete on, so that what was overwritten is gone from the file. */

G_DEFINE_QUARK (se-privacy-error-quark, se_privacy_error)

/* The fields of a person that identify them; organisation and unit stay,
 * so that the statistics by organisation stay right. */
static const char * const personal_fields[] = {
  "given-name", "function", "email", "phone", "languages", "notes",
};

static SeRecord *
lookup_person (SeStore  *store,
               gint64    person_id,
               GError  **error)
{
  SeRecord *person = se_store_lookup (store, SE_TYPE_PERSON, person_id);

  if (person == NULL)
    g_set_error_literal (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_NOT_FOUND,
                         _("This person has been deleted in the meantime."));
  return person;
}

/* Export (Art. 15) */

static void
add_record (JsonBuilder *builder,
            SeStore     *store,
            SeRecord    *record)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  g_autofree char *title = se_record_dup_title (record);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, se_record_class_get_kind_label (klass));
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, se_record_get_id (record));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);

  for (guint i = 0; i < n_fields; i++)
    {
      const SeField *f = &fields[i];

      json_builder_set_member_name (builder, f->name);
      switch (se_field_get_info (f)->value)
        {
        case SE_FIELD_VALUE_INT:
          json_builder_add_int_value (builder, se_record_get_int (record, f->name));
          break;
        case SE_FIELD_VALUE_BOOLEAN:
          json_builder_add_boolean_value (builder, se_record_get_int (record, f->name) != 0);
          break;
        case SE_FIELD_VALUE_ENUM:
          json_builder_add_string_value (builder,
                                         se_enum_get_label (f->target (),
                                                            se_record_get_int (record, f->name)));
          break;
        case SE_FIELD_VALUE_REFERENCE:
          {
            gint64 id = se_record_get_reference (record, f->name);
            g_autoptr(SeRecord) target = id != 0 ? se_store_lookup (store, f->target (), id) : NULL;

            if (target == NULL)
              json_builder_add_null_value (builder);
            else
              {
                g_autofree char *target_title = se_record_dup_title (target);

                /* The name, so that a person can read the export. */
                json_builder_begin_object (builder);
                json_builder_set_member_name (builder, "id");
                json_builder_add_int_value (builder, id);
                json_builder_set_member_name (builder, "title");
                json_builder_add_string_value (builder, target_title);
                json_builder_end_object (builder);
              }
          }
          break;
        case SE_FIELD_VALUE_STRING:
        default:
          {
            const char *s = se_record_get_string (record, f->name);

            if (s == NULL)
              json_builder_add_null_value (builder);
            else
              json_builder_add_string_value (builder, s);
          }
          break;
        }
    }
  json_builder_end_object (builder);
}

static void
add_records (JsonBuilder *builder,
             SeStore     *store,
             const char  *member,
             GPtrArray   *records)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    add_record (builder, store, g_ptr_array_index (records, i));
  json_builder_end_array (builder);
}

/**
 * se_privacy_dup_person_json:
 * @store: a store
 * @person_id: a stored person
 *
 * Everything the database keeps about one person, as JSON: the person,
 * their participations with the placements, the agreements they signed or
 * approved, and the partnerships they are a contact of.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
char *
se_privacy_dup_person_json (SeStore  *store,
                            gint64    person_id,
                            GError  **error)
{
  g_autoptr(SeRecord) person = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GPtrArray) contacts_a = NULL;
  g_autoptr(GPtrArray) contacts_b = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (SE_IS_STORE (store), NULL);

  person = lookup_person (store, person_id, error);
  if (person == NULL)
    return NULL;

  participants = se_store_find (store, SE_TYPE_PARTICIPANT, "person-id", person_id);
  signatures = se_store_find (store, SE_TYPE_SIGNATORY, "person-id", person_id);
  approvals = se_store_find (store, SE_TYPE_APPROVAL, "person-id", person_id);
  contacts_a = se_store_find (store, SE_TYPE_PARTNERSHIP, "contact-a-id", person_id);
  contacts_b = se_store_find (store, SE_TYPE_PARTNERSHIP, "contact-b-id", person_id);
  g_ptr_array_extend_and_steal (contacts_a, g_steal_pointer (&contacts_b));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "staff-exchange-person-export");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "exported-at");
  json_builder_add_string_value (builder, now_text);

  json_builder_set_member_name (builder, "person");
  add_record (builder, store, person);

  json_builder_set_member_name (builder, "participations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *participant = g_ptr_array_index (participants, i);
      g_autoptr(SeRecord) placement =
        se_store_lookup (store, SE_TYPE_PLACEMENT,
                         se_record_get_reference (participant, "placement-id"));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "participant");
      add_record (builder, store, participant);
      json_builder_set_member_name (builder, "placement");
      if (placement != NULL)
        add_record (builder, store, placement);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_records (builder, store, "signatures", signatures);
  add_records (builder, store, "approvals", approvals);
  add_records (builder, store, "partnership-contacts", contacts_a);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * se_privacy_export_person:
 * @path: the JSON file to write; it is readable by its owner only
 *
 * Writes se_privacy_dup_person_json() into @path, for a request for
 * access (GDPR Art. 15).
 */
gboolean
se_privacy_export_person (SeStore     *store,
                          gint64       person_id,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  json = se_privacy_dup_person_json (store, person_id, error);
  if (json == NULL)
    return FALSE;

  if (!se_private_file_write (path, json, -1, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %1$s is a file name, %2$s the reason */
      g_set_error (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_FAILED,
                   _("“%1$s” could not be written: %2$s. Choose another folder."),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Anonymising and erasing (Art. 17) */

static char *
placeholder_name (gint64 person_id)
{
  /* Translators: stands in for the name of a person whose data was
   * removed; %s is a number */
  g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  return g_strdup_printf (_("Anonymised person %s"), n);
}

/**
 * se_privacy_is_anonymised:
 * @person: a person
 *
 * Returns: %TRUE if the person's personal data has been removed by
 *   se_privacy_anonymise_person()
 */
gboolean
se_privacy_is_anonymised (SeRecord *person)
{
  g_autofree char *placeholder = NULL;
  g_autofree char *english = NULL;
  g_autofree char *n = NULL;
  const char *family;

  g_return_val_if_fail (SE_IS_PERSON (person), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (personal_fields); i++)
    if (se_record_get_string (person, personal_fields[i]) != NULL)
      return FALSE;

  family = se_record_get_string (person, "family-name");
  placeholder = placeholder_name (se_record_get_id (person));
  n = g_strdup_printf ("%" G_GINT64_FORMAT, se_record_get_id (person));
  english = g_strconcat ("Anonymised person ", n, NULL);
  return g_strcmp0 (family, placeholder) == 0 || g_strcmp0 (family, english) == 0;
}

/* Signatures and approvals may repeat a person's name and function. */
static gboolean
clear_copies (SeStore  *store,
              GType     type,
              gint64    person_id,
              GError  **error)
{
  g_autoptr(GPtrArray) records = se_store_find (store, type, "person-id", person_id);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(SeRecord) copy = se_record_copy (g_ptr_array_index (records, i));

      se_record_set_string (copy, "name", NULL);
      se_record_set_string (copy, "function", NULL);
      if (!se_store_save (store, copy, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
anonymise (SeStore  *store,
           SeRecord *person,
           GError  **error)
{
  g_autoptr(SeRecord) copy = se_record_copy (person);
  g_autofree char *placeholder = placeholder_name (se_record_get_id (person));
  gint64 id = se_record_get_id (person);

  for (guint i = 0; i < G_N_ELEMENTS (personal_fields); i++)
    se_record_set_string (copy, personal_fields[i], NULL);
  se_record_set_string (copy, "family-name", placeholder);

  return se_store_save (store, copy, NULL, error)
         && clear_copies (store, SE_TYPE_SIGNATORY, id, error)
         && clear_copies (store, SE_TYPE_APPROVAL, id, error);
}


/**
 * se_privacy_anonymise_person:
 * @store: a store
 * @person_id: a stored person
 *
 * Replaces the person's name by "Anonymised person N" and empties their
 * function, email, phone, languages and notes, and the names and
 * functions copied into their signatures and approvals. Their
 * participations, organisation and unit stay, so that the statistics stay
 * right. One transaction: all of it or nothing.
 */
gboolean
se_privacy_anonymise_person (SeStore  *store,
                             gint64    person_id,
                             GError  **error)
{
  g_autoptr(SeRecord) person = NULL;
  gboolean own;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);

  person = lookup_person (store, person_id, error);
  if (person == NULL)
    return FALSE;

  own = !se_store_in_transaction (store);
  if (own && !se_store_begin (store, error))
    return FALSE;
  if (!anonymise (store, person, error) || !se_store_compact_search (store, error))
    {
      if (own)
        se_store_rollback (store);
      return FALSE;
    }
  return own ? se_store_commit (store, error) : TRUE;
}

/**
 * se_privacy_erase_person:
 * @store: a store
 * @person_id: a stored person
 *
 * Deletes the person. A person who took part in a placement, signed or
 * approved an agreement is not deleted (the placements and agreements
 * would lose them): the error, %SE_PRIVACY_ERROR_IN_USE, suggests
 * anonymising. A partnership that names them as contact loses the
 * contact.
 */
gboolean
se_privacy_erase_person (SeStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(SeRecord) person = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *name = NULL;
  gboolean own;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);

  person = lookup_person (store, person_id, error);
  if (person == NULL)
    return FALSE;

  participants = se_store_find (store, SE_TYPE_PARTICIPANT, "person-id", person_id);
  signatures = se_store_find (store, SE_TYPE_SIGNATORY, "person-id", person_id);
  approvals = se_store_find (store, SE_TYPE_APPROVAL, "person-id", person_id);
  name = se_record_dup_title (person);

  if (participants->len > 0)
    {
      /* Translators: %1$s is a person's name, %2$u a number of placements */
      g_set_error (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_IN_USE,
                   ngettext ("“%1$s” took part in %2$u placement, which would be incomplete "
                             "without them. Anonymise the person instead: the name and contact "
                             "details are removed and the statistics stay right.",
                             "“%1$s” took part in %2$u placements, which would be incomplete "
                             "without them. Anonymise the person instead: the name and contact "
                             "details are removed and the statistics stay right.",
                             participants->len),
                   name, participants->len);
      return FALSE;
    }
  if (signatures->len > 0 || approvals->len > 0)
    {
      /* Translators: %s is a person's name */
      g_set_error (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_IN_USE,
                   _("“%s” signed or approved agreements, which must keep a signatory. "
                     "Anonymise the person instead: the name and contact details are removed."),
                   name);
      return FALSE;
    }

  own = !se_store_in_transaction (store);
  if (own && !se_store_begin (store, error))
    return FALSE;
  if (!se_store_delete (store, person, error) || !se_store_compact_search (store, error))
    {
      if (own)
        se_store_rollback (store);
      return FALSE;
    }
  return own ? se_store_commit (store, error) : TRUE;
}

/* Retention */

/* The end of the person's last placement, from @ends (placement id -> end). */
static const char *
last_end (GPtrArray  *participants,
          GHashTable *ends)
{
  const char *last = NULL;

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      gint64 placement = se_record_get_reference (p, "placement-id");
      const char *end = g_hash_table_lookup (ends, &placement);

      if (end != NULL && (last == NULL || strcmp (end, last) > 0))
        last = end;
    }
  return last;
}

/**
 * se_privacy_dup_last_end:
 *
 * Returns: (transfer full) (nullable): the end date of the person's last
 *   placement, for the list of who is due
 */
char *
se_privacy_dup_last_end (SeStore *store,
                         gint64   person_id)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "person-id",
                                                     person_id);
  char *last = NULL;

  for (guint i = 0; i < participants->len; i++)
    {
      g_autoptr(SeRecord) placement =
        se_store_lookup (store, SE_TYPE_PLACEMENT,
                         se_record_get_reference (g_ptr_array_index (participants, i),
                                                  "placement-id"));
      const char *end = placement != NULL ? se_record_get_string (placement, "end-date") : NULL;

      if (end != NULL && (last == NULL || strcmp (end, last) > 0))
        {
          g_free (last);
          last = g_strdup (end);
        }
    }
  return last;
}

/* Agreements still in force need their signatories; active partnerships
 * their contacts. */
static gboolean
still_needed (SeStore    *store,
              gint64      person_id,
              const char *today)
{
  GType signer_types[] = { SE_TYPE_SIGNATORY, SE_TYPE_APPROVAL };
  const char *contact_fields[] = { "contact-a-id", "contact-b-id" };

  for (guint t = 0; t < G_N_ELEMENTS (signer_types); t++)
    {
      g_autoptr(GPtrArray) signers = se_store_find (store, signer_types[t], "person-id",
                                                    person_id);

      for (guint i = 0; i < signers->len; i++)
        {
          g_autoptr(SeRecord) agreement =
            se_store_lookup (store, SE_TYPE_AGREEMENT,
                             se_record_get_reference (g_ptr_array_index (signers, i),
                                                      "agreement-id"));
          int status;
          const char *until;

          if (agreement == NULL)
            continue;
          status = se_record_get_int (agreement, "status");
          until = se_record_get_string (agreement, "valid-until");
          if (status != SE_AGREEMENT_STATUS_EXPIRED && status != SE_AGREEMENT_STATUS_TERMINATED
              && (until == NULL || strcmp (until, today) >= 0))
            return TRUE;
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (contact_fields); c++)
    {
      g_autoptr(GPtrArray) partnerships = se_store_find (store, SE_TYPE_PARTNERSHIP,
                                                         contact_fields[c], person_id);

      for (guint i = 0; i < partnerships->len; i++)
        {
          int status = se_record_get_int (g_ptr_array_index (partnerships, i), "status");

          if (status == SE_PARTNERSHIP_STATUS_ACTIVE || status == SE_PARTNERSHIP_STATUS_PLANNED)
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * se_privacy_list_due:
 * @store: a store
 * @today: today's date, "YYYY-MM-DD"
 * @years: the retention period (the GSettings key retention-years)
 *
 * The people whose personal data is due for deletion: their last
 * placement ended more than @years years before @today, they are not
 * anonymised yet, and no agreement in force or active partnership still
 * names them. People who never took part in a placement are not listed:
 * the retention period runs from a placement's end.
 *
 * Returns: (transfer container) (element-type SePerson): the people, by id
 */
GPtrArray *
se_privacy_list_due (SeStore    *store,
                     const char *today,
                     guint       years)
{
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ends = NULL;
  g_autoptr(GHashTable) by_person = NULL;
  g_autofree char *cutoff = NULL;
  GListModel *placements, *participants, *people;
  GDate date;

  g_return_val_if_fail (SE_IS_STORE (store), due);
  g_return_val_if_fail (today != NULL && se_date_to_gdate (today, &date), due);

  g_date_subtract_years (&date, years);
  cutoff = se_date_from_gdate (&date);

  /* One pass over each list rather than a lookup per person. */
  ends = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  placements = se_store_get_list (store, SE_TYPE_PLACEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (placements, i);
      gint64 id = se_record_get_id (p);

      /* The store's list keeps the record, and so the end date. */
      g_hash_table_insert (ends, g_memdup2 (&id, sizeof id),
                           (gpointer) se_record_get_string (p, "end-date"));
    }

  by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  participants = se_store_get_list (store, SE_TYPE_PARTICIPANT);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (participants, i);
      gint64 person = se_record_get_reference (p, "person-id");
      GPtrArray *list = g_hash_table_lookup (by_person, &person);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_person, g_memdup2 (&person, sizeof person), list);
        }
      g_ptr_array_add (list, p); /* the store's list keeps it */
    }

  people = se_store_get_list (store, SE_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SeRecord) person = g_list_model_get_item (people, i);
      gint64 id = se_record_get_id (person);
      GPtrArray *list = g_hash_table_lookup (by_person, &id);
      const char *last;

      if (list == NULL || se_privacy_is_anonymised (person))
        continue;
      last = last_end (list, ends);
      if (last == NULL || strcmp (last, cutoff) >= 0)
        continue;
      if (still_needed (store, id, today))
        continue;
      g_ptr_array_add (due, g_steal_pointer (&person));
    }

  return due;
}

/**
 * se_privacy_delete_due:
 * @store: a store
 * @today: today's date, "YYYY-MM-DD"
 * @years: the retention period
 * @n_anonymised: (out) (optional): how many people were anonymised
 *
 * Deletes the personal data of everyone se_privacy_list_due() lists, by
 * anonymising them (their placements stay for the statistics), in one
 * transaction. Ask the user to confirm the list first.
 */
gboolean
se_privacy_delete_due (SeStore     *store,
                       const char  *today,
                       guint        years,
                       guint       *n_anonymised,
                       GError     **error)
{
  g_autoptr(GPtrArray) due = NULL;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);

  if (n_anonymised != NULL)
    *n_anonymised = 0;

  due = se_privacy_list_due (store, today, years);
  if (due->len == 0)
    return TRUE;

  if (!se_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    if (!anonymise (store, g_ptr_array_index (due, i), error))
      {
        se_store_rollback (store);
        return FALSE;
      }
  if (!se_store_compact_search (store, error))
    {
      se_store_rollback (store);
      return FALSE;
    }
  if (!se_store_commit (store, error))
    return FALSE;

  if (n_anonymised != NULL)
    *n_anonymised = due->len;
  return TRUE;
}
