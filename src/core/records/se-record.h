/* se-record.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SeFieldType:
 *
 * How a field of a record is kept and checked. Every field is a GObject
 * property of the same name and a column of the record's table. What each
 * type means for the record, the store, the exchange formats and the form
 * is in one table, see #SeFieldTypeInfo in se-field-type.h.
 */
typedef enum
{
  SE_FIELD_TEXT,
  SE_FIELD_LONG_TEXT,
  SE_FIELD_INT,
  SE_FIELD_BOOLEAN,
  SE_FIELD_DATE,
  SE_FIELD_PARTIAL_DATE,
  SE_FIELD_TIME,
  SE_FIELD_ENUM,
  SE_FIELD_REFERENCE,
  SE_FIELD_EMAIL,
  SE_FIELD_COUNTRY,
  SE_FIELD_WEBSITE,
} SeFieldType;

typedef enum
{
  SE_FIELD_FLAGS_NONE = 0,
  /* must not be empty (text), zero (reference) */
  SE_FIELD_FLAGS_REQUIRED = 1 << 0,
  /* searched by search as you type */
  SE_FIELD_FLAGS_SEARCHABLE = 1 << 1,
  /* written only by the store's own functions, never by a save */
  SE_FIELD_FLAGS_STORE_OWNED = 1 << 2,
  /* a reference to the record this one is part of: deleted with it */
  SE_FIELD_FLAGS_OWNER = 1 << 3,
  /* a reference that is cleared when its target is deleted */
  SE_FIELD_FLAGS_WEAK = 1 << 4,
} SeFieldFlags;

typedef struct
{
  const char   *name;      /* property name; the column is the same with '_' */
  SeFieldType   type;
  SeFieldFlags  flags;
  const char   *label;     /* N_()-marked; translated by se_field_get_label() */
  GType       (*target) (void); /* enum type, or record type a reference points to */
  const char   *after;     /* name of the field this one must not precede */
} SeField;

#define SE_TYPE_RECORD (se_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (SeRecord, se_record, SE, RECORD, GObject)

struct _SeRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char    *table;
  const char    *kind_label;
  const SeField *fields;
  guint          n_fields;
  GParamSpec   **pspecs;       /* one per field, in the same order */

  /*< public >*/
  gboolean  (*validate)  (SeRecord    *self,
                          const char **field,
                          GError     **error);
  char     *(*dup_title) (SeRecord    *self);

  gpointer padding[8];
};

void            se_record_class_install_fields (SeRecordClass *klass,
                                                const char    *table,
                                                const char    *kind_label,
                                                const SeField *fields,
                                                guint          n_fields);

const SeField  *se_record_class_get_fields     (SeRecordClass *klass,
                                                guint         *n_fields);
const SeField  *se_record_class_find_field     (SeRecordClass *klass,
                                                const char    *name);
const char     *se_record_class_get_table      (SeRecordClass *klass);
const char     *se_record_class_get_kind_label (SeRecordClass *klass);
const char     *se_field_get_label             (const SeField *field);

gint64          se_record_get_id               (SeRecord      *self);
void            se_record_set_id               (SeRecord      *self,
                                                gint64         id);
gint64          se_record_get_row_version (SeRecord *self);
void            se_record_set_row_version (SeRecord *self,
                                           gint64    row_version);
char           *se_record_dup_title            (SeRecord      *self);

const char     *se_record_get_string           (SeRecord      *self,
                                                const char    *field);
void            se_record_set_string           (SeRecord      *self,
                                                const char    *field,
                                                const char    *value);
int             se_record_get_int              (SeRecord      *self,
                                                const char    *field);
void            se_record_set_int              (SeRecord      *self,
                                                const char    *field,
                                                int            value);
gint64          se_record_get_reference        (SeRecord      *self,
                                                const char    *field);
void            se_record_set_reference        (SeRecord      *self,
                                                const char    *field,
                                                gint64         id);

SeRecord       *se_record_copy                 (SeRecord      *self);
gboolean        se_record_assign               (SeRecord      *self,
                                                SeRecord      *from);
gboolean        se_record_equal                (SeRecord      *a,
                                                SeRecord      *b);
GPtrArray      *se_record_list_differences (SeRecord *a,
                                            SeRecord *b);
gboolean        se_record_validate             (SeRecord      *self,
                                                const char   **field,
                                                GError       **error);

G_END_DECLS
