/* se-record-list.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-record-list.h"
#include "se-store-private.h"

/* The records of one kind, ordered by id. Only the store changes it, after
 * a transaction has committed, so a list never shows what was rolled back.
 * Views sort and filter it with GtkSortListModel and GtkFilterListModel. */

struct _SeRecordList
{
  GObject    parent_instance;

  GType      record_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeRecordList, se_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
se_record_list_get_item_type (GListModel *model)
{
  return SE_RECORD_LIST (model)->record_type;
}

static guint
se_record_list_get_n_items (GListModel *model)
{
  return SE_RECORD_LIST (model)->items->len;
}

static gpointer
se_record_list_get_item (GListModel *model,
                         guint       position)
{
  SeRecordList *self = SE_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = se_record_list_get_item_type;
  iface->get_n_items = se_record_list_get_n_items;
  iface->get_item = se_record_list_get_item;
}

static void
se_record_list_finalize (GObject *object)
{
  SeRecordList *self = SE_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (se_record_list_parent_class)->finalize (object);
}

static void
se_record_list_class_init (SeRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_record_list_finalize;
}

static void
se_record_list_init (SeRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SeRecordList *
_se_record_list_new (GType record_type)
{
  SeRecordList *self = g_object_new (SE_TYPE_RECORD_LIST, NULL);

  self->record_type = record_type;
  return self;
}

GType
se_record_list_get_record_type (SeRecordList *self)
{
  g_return_val_if_fail (SE_IS_RECORD_LIST (self), G_TYPE_INVALID);

  return self->record_type;
}

/* Binary search; @position is where a record with @id is or would go. */
static gboolean
bsearch_id (SeRecordList *self,
            gint64        id,
            guint        *position)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 mid_id = se_record_get_id (g_ptr_array_index (self->items, mid));

      if (mid_id == id)
        {
          *position = mid;
          return TRUE;
        }
      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

/**
 * se_record_list_find:
 * @self: a list
 * @id: a record id
 * @position: (out) (optional): where the record is
 *
 * Returns: (transfer none) (nullable): the record with @id
 */
SeRecord *
se_record_list_find (SeRecordList *self,
                     gint64        id,
                     guint        *position)
{
  guint pos;

  g_return_val_if_fail (SE_IS_RECORD_LIST (self), NULL);

  if (!bsearch_id (self, id, &pos))
    return NULL;
  if (position != NULL)
    *position = pos;
  return g_ptr_array_index (self->items, pos);
}

/* Appends without signalling; for the first load, ordered by id. */
void
_se_record_list_append_loaded (SeRecordList *self,
                               SeRecord     *record)
{
  g_ptr_array_add (self->items, g_object_ref (record));
}

void
_se_record_list_insert (SeRecordList *self,
                        SeRecord     *record)
{
  guint pos;

  if (bsearch_id (self, se_record_get_id (record), &pos))
    {
      g_warn_if_reached ();
      return;
    }

  g_ptr_array_insert (self->items, (int) pos, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

void
_se_record_list_changed (SeRecordList *self,
                         gint64        id)
{
  guint pos;

  if (bsearch_id (self, id, &pos))
    g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
}

void
_se_record_list_remove (SeRecordList *self,
                        gint64        id)
{
  guint pos;

  if (!bsearch_id (self, id, &pos))
    return;

  g_ptr_array_remove_index (self->items, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
}
