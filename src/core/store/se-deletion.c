/* se-deletion.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-deletion.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store-private.h"
#include "se-topic.h"
#include "se-unit.h"

/* A deletion that can be undone. Planning it finds every record that
 * would go with the record: its parts (the participants of a placement)
 * and the records that refer to it (the placements of a partnership), and
 * the records whose weak references would be cleared (a person's unit).
 * Executing deletes them all in one transaction; undoing stores copies of
 * them again under their old ids, with the signed documents. */

struct _SeDeletion
{
  GObject    parent_instance;

  SeStore   *store;
  SeRecord  *record;
  GPtrArray *doomed;    /* copies, in the order they were found */
  GPtrArray *weak;      /* copies of records whose references are cleared */
  GHashTable *documents; /* agreement id -> GBytes */
  GHashTable *document_names;
  gboolean   affects_others;
};

G_DEFINE_FINAL_TYPE (SeDeletion, se_deletion, G_TYPE_OBJECT)

static void
se_deletion_finalize (GObject *object)
{
  SeDeletion *self = SE_DELETION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_pointer (&self->doomed, g_ptr_array_unref);
  g_clear_pointer (&self->weak, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->document_names, g_hash_table_unref);

  G_OBJECT_CLASS (se_deletion_parent_class)->finalize (object);
}

static void
se_deletion_class_init (SeDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_deletion_finalize;
}

static void
se_deletion_init (SeDeletion *self)
{
  self->doomed = g_ptr_array_new_with_free_func (g_object_unref);
  self->weak = g_ptr_array_new_with_free_func (g_object_unref);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_bytes_unref);
  self->document_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static char *
key (SeRecord *record)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, G_OBJECT_TYPE_NAME (record),
                          se_record_get_id (record));
}

static void
plan (SeDeletion *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_weak = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  g_ptr_array_add (self->doomed, se_record_copy (self->record));
  g_hash_table_add (seen, key (self->record));

  for (guint q = 0; q < self->doomed->len; q++)
    {
      SeRecord *target = g_ptr_array_index (self->doomed, q);

      for (guint t = 0; t < n_types; t++)
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
          guint n_fields;
          const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);

          for (guint f = 0; f < n_fields; f++)
            {
              g_autoptr(GPtrArray) found = NULL;

              if (fields[f].type != SE_FIELD_REFERENCE
                  || fields[f].target () != G_OBJECT_TYPE (target))
                continue;

              found = se_store_find (self->store, types[t], fields[f].name,
                                     se_record_get_id (target));
              for (guint i = 0; i < found->len; i++)
                {
                  SeRecord *r = g_ptr_array_index (found, i);
                  g_autofree char *k = key (r);

                  if (g_hash_table_contains (seen, k))
                    continue;

                  if (fields[f].flags & SE_FIELD_FLAGS_WEAK)
                    {
                      if (g_hash_table_add (seen_weak, g_steal_pointer (&k)))
                        g_ptr_array_add (self->weak, se_record_copy (r));
                      continue;
                    }

                  if (!(fields[f].flags & SE_FIELD_FLAGS_OWNER))
                    self->affects_others = TRUE;
                  g_hash_table_add (seen, g_steal_pointer (&k));
                  g_ptr_array_add (self->doomed, se_record_copy (r));
                }
            }
        }
    }

  /* A record deleted anyway needs no clearing of its weak references. */
  for (guint i = self->weak->len; i > 0; i--)
    {
      g_autofree char *k = key (g_ptr_array_index (self->weak, i - 1));
      if (g_hash_table_contains (seen, k))
        g_ptr_array_remove_index (self->weak, i - 1);
    }
}

/**
 * se_deletion_new:
 * @store: the store
 * @record: a stored record
 *
 * Plans the deletion of @record; nothing is deleted yet.
 *
 * Returns: (transfer full): the plan
 */
SeDeletion *
se_deletion_new (SeStore  *store,
                 SeRecord *record)
{
  SeDeletion *self;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_RECORD (record) && se_record_get_id (record) != 0, NULL);

  self = g_object_new (SE_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  plan (self);
  return self;
}

SeRecord *
se_deletion_get_record (SeDeletion *self)
{
  g_return_val_if_fail (SE_IS_DELETION (self), NULL);

  return self->record;
}

/**
 * se_deletion_affects_others:
 *
 * Returns: %TRUE if records that are not parts of the record refer to it
 *   and would be deleted too; the user should be asked first
 */
gboolean
se_deletion_affects_others (SeDeletion *self)
{
  g_return_val_if_fail (SE_IS_DELETION (self), FALSE);

  return self->affects_others;
}

/**
 * se_deletion_get_affected:
 *
 * Returns: (transfer none) (element-type SeRecord): copies of every record
 *   the deletion removes, the record itself first
 */
GPtrArray *
se_deletion_get_affected (SeDeletion *self)
{
  g_return_val_if_fail (SE_IS_DELETION (self), NULL);

  return self->doomed;
}

static char *
count_kind (GType type,
            guint n)
{
  if (type == SE_TYPE_ORGANISATION)
    return g_strdup_printf (ngettext ("%u organisation", "%u organisations", n), n);
  if (type == SE_TYPE_UNIT)
    return g_strdup_printf (ngettext ("%u unit", "%u units", n), n);
  if (type == SE_TYPE_PERSON)
    return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
  if (type == SE_TYPE_TOPIC)
    return g_strdup_printf (ngettext ("%u topic", "%u topics", n), n);
  if (type == SE_TYPE_PARTNERSHIP)
    return g_strdup_printf (ngettext ("%u partnership", "%u partnerships", n), n);
  if (type == SE_TYPE_AGREEMENT)
    return g_strdup_printf (ngettext ("%u agreement", "%u agreements", n), n);
  if (type == SE_TYPE_SIGNATORY)
    return g_strdup_printf (ngettext ("%u signatory", "%u signatories", n), n);
  if (type == SE_TYPE_APPROVAL)
    return g_strdup_printf (ngettext ("%u approval", "%u approvals", n), n);
  if (type == SE_TYPE_PLACEMENT)
    return g_strdup_printf (ngettext ("%u placement", "%u placements", n), n);
  if (type == SE_TYPE_PARTICIPANT)
    return g_strdup_printf (ngettext ("%u participant", "%u participants", n), n);
  if (type == SE_TYPE_PROGRAMME_ITEM)
    return g_strdup_printf (ngettext ("%u programme item", "%u programme items", n), n);
  if (type == SE_TYPE_PREREQUISITE)
    return g_strdup_printf (ngettext ("%u prerequisite", "%u prerequisites", n), n);
  if (type == SE_TYPE_PLACEMENT_TOPIC)
    return g_strdup_printf (ngettext ("%u topic link", "%u topic links", n), n);
  g_return_val_if_reached (NULL);
}

/**
 * se_deletion_describe_affected:
 *
 * Returns: (transfer full): what goes with the record, such as
 *   "2 agreements, 5 placements, 9 participants", or "" when nothing does
 */
char *
se_deletion_describe_affected (SeDeletion *self)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SE_IS_DELETION (self), NULL);

  for (guint t = 0; t < n_types; t++)
    {
      guint n = 0;

      for (guint i = 1; i < self->doomed->len; i++)
        n += G_OBJECT_TYPE (g_ptr_array_index (self->doomed, i)) == types[t];
      if (n > 0)
        g_ptr_array_add (parts, count_kind (types[t], n));
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the items of a list, e.g. "2 agreements, 5 placements" */
  return g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
}

/**
 * se_deletion_execute:
 *
 * Deletes the record and everything planned with it, in one transaction.
 */
gboolean
se_deletion_execute (SeDeletion  *self,
                     GError     **error)
{
  g_return_val_if_fail (SE_IS_DELETION (self), FALSE);

  /* Keep the signed documents for an undo. */
  for (guint i = 0; i < self->doomed->len; i++)
    {
      SeRecord *r = g_ptr_array_index (self->doomed, i);
      const char *name;

      if (!SE_IS_AGREEMENT (r) || (name = se_record_get_string (r, "document-name")) == NULL)
        continue;

      {
        GBytes *bytes = se_store_load_document (self->store, se_record_get_id (r), NULL);
        if (bytes != NULL)
          {
            g_hash_table_insert (self->documents, g_memdup2 (&(gint64) { se_record_get_id (r) },
                                                             sizeof (gint64)), bytes);
            g_hash_table_insert (self->document_names,
                                 g_memdup2 (&(gint64) { se_record_get_id (r) }, sizeof (gint64)),
                                 g_strdup (name));
          }
      }
    }

  if (!se_store_begin (self->store, error))
    return FALSE;

  /* Those found last depend on those found first. */
  for (guint i = self->doomed->len; i > 0; i--)
    if (!_se_store_delete_quietly (self->store, g_ptr_array_index (self->doomed, i - 1), error))
      {
        se_store_rollback (self->store);
        return FALSE;
      }

  if (!se_store_commit (self->store, error))
    return FALSE;

  /* A server counts the clearing of a reference as a change of the row:
   * the undo puts the reference back on top of it. */
  for (guint i = 0; i < self->weak->len; i++)
    {
      SeRecord *copy = g_ptr_array_index (self->weak, i);
      g_autoptr(SeRecord) now = se_store_lookup (self->store, G_OBJECT_TYPE (copy),
                                                  se_record_get_id (copy));
      if (now != NULL)
        se_record_set_row_version (copy, se_record_get_row_version (now));
    }

  return TRUE;
}

static gboolean
restore_all (SeDeletion  *self,
             GError     **error)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GPtrArray) pending = g_ptr_array_new ();
      gboolean progress = TRUE;

      for (guint i = 0; i < self->doomed->len; i++)
        if (G_OBJECT_TYPE (g_ptr_array_index (self->doomed, i)) == types[t])
          g_ptr_array_add (pending, g_ptr_array_index (self->doomed, i));

      /* A kind that refers to itself (an organisation's parent) goes in
       * the order that keeps every reference valid. */
      while (pending->len > 0 && progress)
        {
          progress = FALSE;
          for (guint i = 0; i < pending->len; i++)
            {
              SeRecord *r = g_ptr_array_index (pending, i);
              guint n_fields;
              const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (r),
                                                                  &n_fields);
              gboolean ready = TRUE;

              for (guint f = 0; f < n_fields && ready; f++)
                if (fields[f].type == SE_FIELD_REFERENCE && fields[f].target () == types[t])
                  {
                    gint64 id = se_record_get_reference (r, fields[f].name);
                    for (guint j = 0; j < pending->len && ready; j++)
                      ready = j == i
                              || se_record_get_id (g_ptr_array_index (pending, j)) != id;
                  }

              if (!ready)
                continue;

              {
                g_autoptr(SeRecord) copy = se_record_copy (r);
                if (!_se_store_restore (self->store, copy, error))
                  return FALSE;
              }
              g_ptr_array_remove_index (pending, i);
              progress = TRUE;
              break;
            }
        }

      g_return_val_if_fail (pending->len == 0, FALSE);
    }

  for (guint i = 0; i < self->weak->len; i++)
    {
      g_autoptr(SeRecord) copy = se_record_copy (g_ptr_array_index (self->weak, i));
      if (!se_store_save (self->store, copy, NULL, error))
        return FALSE;
    }

  {
    GHashTableIter iter;
    gpointer k, v;

    g_hash_table_iter_init (&iter, self->documents);
    while (g_hash_table_iter_next (&iter, &k, &v))
      if (!se_store_attach_document (self->store, *(gint64 *) k,
                                     g_hash_table_lookup (self->document_names, k), v, error))
        return FALSE;
  }

  return TRUE;
}

/**
 * se_deletion_undo:
 *
 * Stores every deleted record again under its old id, clears nothing that
 * was cleared, and attaches the signed documents again.
 */
gboolean
se_deletion_undo (SeDeletion  *self,
                  GError     **error)
{
  g_return_val_if_fail (SE_IS_DELETION (self), FALSE);

  if (!se_store_begin (self->store, error))
    return FALSE;

  if (!restore_all (self, error))
    {
      se_store_rollback (self->store);
      return FALSE;
    }

  return se_store_commit (self->store, error);
}
