/* se-record.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "se-date.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-record-private.h"
#include "se-record.h"

/* SeRecord is the base of every kind of record. A subclass describes its
 * fields once in a table (SeField); from that table come its GObject
 * properties, the generic validation, the columns the store reads and
 * writes, and the labels forms and exports show. Values are kept in one
 * GValue per field, and a property notifies only when its value changes. */

typedef struct
{
  gint64  id;
  gint64  row_version; /* of the stored row this record was read from */
  GValue *values;
} SeRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SeRecord, se_record, G_TYPE_OBJECT)

/* The longest text a field may hold; longer is refused with a message
 * rather than stored. */
#define MAX_TEXT_LENGTH 100000

static GValue *
ensure_values (SeRecord *self)
{
  SeRecordPrivate *priv = se_record_get_instance_private (self);
  SeRecordClass *klass = SE_RECORD_GET_CLASS (self);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, MAX (klass->n_fields, 1));
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_value_init (&priv->values[i], G_PARAM_SPEC_VALUE_TYPE (klass->pspecs[i]));
          g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
        }
    }

  return priv->values;
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  GValue *values = ensure_values (SE_RECORD (object));

  g_value_copy (&values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  GValue *values = ensure_values (SE_RECORD (object));
  GValue *slot = &values[prop_id - 1];
  g_auto(GValue) normalized = G_VALUE_INIT;

  g_value_init (&normalized, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (value, &normalized);

  /* An empty text is no text: the database keeps NULL for both. */
  if (G_VALUE_HOLDS_STRING (&normalized))
    {
      const char *s = g_value_get_string (&normalized);
      if (s != NULL && *s == '\0')
        g_value_set_string (&normalized, NULL);
    }

  if (g_param_values_cmp (pspec, slot, &normalized) == 0)
    return;

  g_value_copy (&normalized, slot);
  g_object_notify_by_pspec (object, pspec);
}

/**
 * se_record_class_install_fields:
 * @klass: a subclass being initialised
 * @table: the name of its table in the store
 * @kind_label: N_()-marked name of the kind, singular
 * @fields: (array length=n_fields): its fields, in column order; static
 * @n_fields: length of @fields
 *
 * Installs one property per field. Call from the subclass' class_init.
 */
void
se_record_class_install_fields (SeRecordClass *klass,
                                const char    *table,
                                const char    *kind_label,
                                const SeField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->kind_label = kind_label;
  klass->fields = fields;
  klass->n_fields = n_fields;
  /* Kept, so that making a record does not look its properties up by name */
  klass->pspecs = g_new0 (GParamSpec *, MAX (n_fields, 1));

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      klass->pspecs[i] = se_field_param_spec (&fields[i]);
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
    }
}

const SeField *
se_record_class_get_fields (SeRecordClass *klass,
                            guint         *n_fields)
{
  g_return_val_if_fail (SE_IS_RECORD_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const SeField *
se_record_class_find_field (SeRecordClass *klass,
                            const char    *name)
{
  g_return_val_if_fail (SE_IS_RECORD_CLASS (klass), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, name) == 0)
      return &klass->fields[i];
  return NULL;
}

const char *
se_record_class_get_table (SeRecordClass *klass)
{
  return klass->table;
}

const char *
se_record_class_get_kind_label (SeRecordClass *klass)
{
  return g_dgettext (GETTEXT_PACKAGE, klass->kind_label);
}

const char *
se_field_get_label (const SeField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

static void
se_record_finalize (GObject *object)
{
  SeRecord *self = SE_RECORD (object);
  SeRecordPrivate *priv = se_record_get_instance_private (self);
  SeRecordClass *klass = SE_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (se_record_parent_class)->finalize (object);
}

static void
se_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SeRecord *self = SE_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, se_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SeRecord *self = SE_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      se_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
se_record_real_dup_title (SeRecord *self)
{
  const char *name = se_record_get_string (self, "name");

  if (name == NULL)
    name = se_record_get_string (self, "title");
  return g_strdup (name != NULL ? name : "");
}

static void
se_record_class_init (SeRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = se_record_finalize;
  object_class->get_property = se_record_get_property;
  object_class->set_property = se_record_set_property;

  klass->dup_title = se_record_real_dup_title;

  /**
   * SeRecord:id:
   *
   * The row id in the store; 0 for a record not stored yet.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
se_record_init (SeRecord *self)
{
}

gint64
se_record_get_id (SeRecord *self)
{
  SeRecordPrivate *priv = se_record_get_instance_private (self);

  g_return_val_if_fail (SE_IS_RECORD (self), 0);

  return priv->id;
}

void
se_record_set_id (SeRecord *self,
                  gint64    id)
{
  SeRecordPrivate *priv = se_record_get_instance_private (self);

  g_return_if_fail (SE_IS_RECORD (self));

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * se_record_get_row_version:
 *
 * Returns: the version of the stored row this record holds: 1 when it was
 *   inserted, one more with every update; 0 for a record never stored.
 *   The store's save and delete refuse a record whose version is no
 *   longer the row's (%SE_STORE_ERROR_CONFLICT).
 */
gint64
se_record_get_row_version (SeRecord *self)
{
  SeRecordPrivate *priv = se_record_get_instance_private (self);

  g_return_val_if_fail (SE_IS_RECORD (self), 0);

  return priv->row_version;
}

/* For the store, which reads and writes the row */
void
se_record_set_row_version (SeRecord *self,
                           gint64    row_version)
{
  SeRecordPrivate *priv = se_record_get_instance_private (self);

  g_return_if_fail (SE_IS_RECORD (self));

  priv->row_version = row_version;
}

/**
 * se_record_dup_title:
 *
 * Returns: (transfer full): a short text that names the record in a list
 */
char *
se_record_dup_title (SeRecord *self)
{
  g_return_val_if_fail (SE_IS_RECORD (self), NULL);

  return SE_RECORD_GET_CLASS (self)->dup_title (self);
}

static const GValue *
field_value (SeRecord   *self,
             const char *field,
             GType       expected)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, field) == 0)
      {
        if (expected != G_TYPE_INVALID
            && !g_type_is_a (G_VALUE_TYPE (&values[i]), expected))
          {
            g_critical ("Field %s of %s is not a %s", field,
                        G_OBJECT_TYPE_NAME (self), g_type_name (expected));
            return NULL;
          }
        return &values[i];
      }

  return NULL;
}

/* For the store, filling a record it has just made and nobody else holds:
 * the values in field order, to set in place without notifications. */
GValue *
_se_record_get_values (SeRecord *self)
{
  g_return_val_if_fail (SE_IS_RECORD (self), NULL);

  return ensure_values (self);
}

/**
 * se_record_get_string:
 * @self: a record
 * @field: the name of a text or date field
 *
 * Returns: (transfer none) (nullable): the value, %NULL when empty or when
 *   the record has no such field.
 */
const char *
se_record_get_string (SeRecord   *self,
                      const char *field)
{
  const GValue *value;

  g_return_val_if_fail (SE_IS_RECORD (self), NULL);

  value = field_value (self, field, G_TYPE_INVALID);
  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  return g_value_get_string (value);
}

void
se_record_set_string (SeRecord   *self,
                      const char *field,
                      const char *value)
{
  g_return_if_fail (SE_IS_RECORD (self));

  g_object_set (self, field, value, NULL);
}

/**
 * se_record_get_int:
 * @self: a record
 * @field: the name of a number, yes/no or choice field
 *
 * Returns: the value; 0 for a record without that field
 */
int
se_record_get_int (SeRecord   *self,
                   const char *field)
{
  const GValue *value;

  g_return_val_if_fail (SE_IS_RECORD (self), 0);

  value = field_value (self, field, G_TYPE_INVALID);
  if (value == NULL)
    return 0;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value);
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);

  g_critical ("Field %s of %s is not a number", field, G_OBJECT_TYPE_NAME (self));
  return 0;
}

void
se_record_set_int (SeRecord   *self,
                   const char *field,
                   int         value)
{
  GParamSpec *pspec;
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (SE_IS_RECORD (self));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field);
  g_return_if_fail (pspec != NULL);

  g_value_init (&v, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (G_VALUE_HOLDS_INT (&v))
    g_value_set_int (&v, value);
  else if (G_VALUE_HOLDS_BOOLEAN (&v))
    g_value_set_boolean (&v, value != 0);
  else if (G_VALUE_HOLDS_ENUM (&v))
    g_value_set_enum (&v, value);
  else
    g_return_if_reached ();

  g_object_set_property (G_OBJECT (self), field, &v);
}

gint64
se_record_get_reference (SeRecord   *self,
                         const char *field)
{
  const GValue *value;

  g_return_val_if_fail (SE_IS_RECORD (self), 0);

  value = field_value (self, field, G_TYPE_INT64);
  return value != NULL ? g_value_get_int64 (value) : 0;
}

void
se_record_set_reference (SeRecord   *self,
                         const char *field,
                         gint64      id)
{
  g_return_if_fail (SE_IS_RECORD (self));

  g_object_set (self, field, id, NULL);
}

/**
 * se_record_copy:
 *
 * Returns: (transfer full): a new record of the same kind and id with the
 *   same values, for editing without touching the stored one.
 */
SeRecord *
se_record_copy (SeRecord *self)
{
  SeRecord *copy;

  g_return_val_if_fail (SE_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  se_record_set_id (copy, se_record_get_id (self));
  se_record_assign (copy, self);
  return copy;
}

/**
 * se_record_assign:
 * @self: the record to change
 * @from: a record of the same kind
 *
 * Copies every field value of @from into @self, and its row version; only
 * the properties whose value changes notify. The id is left alone.
 *
 * Returns: %TRUE if any field value changed
 */
gboolean
se_record_assign (SeRecord *self,
                  SeRecord *from)
{
  SeRecordClass *klass;
  GValue *dst, *src;
  gboolean changed = FALSE;

  g_return_val_if_fail (SE_IS_RECORD (self), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from), FALSE);

  klass = SE_RECORD_GET_CLASS (self);
  dst = ensure_values (self);
  src = ensure_values (from);
  se_record_set_row_version (self, se_record_get_row_version (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->fields[i].name);
      if (g_param_values_cmp (pspec, &dst[i], &src[i]) != 0)
        {
          g_value_copy (&src[i], &dst[i]);
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
          changed = TRUE;
        }
    }
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

/**
 * se_record_equal:
 *
 * Returns: %TRUE if @a and @b are of one kind and hold the same values
 *   (ids included)
 */
gboolean
se_record_equal (SeRecord *a,
                 SeRecord *b)
{
  SeRecordClass *klass;
  GValue *va, *vb;

  g_return_val_if_fail (SE_IS_RECORD (a) && SE_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b)
      || se_record_get_id (a) != se_record_get_id (b))
    return FALSE;

  klass = SE_RECORD_GET_CLASS (a);
  va = ensure_values (a);
  vb = ensure_values (b);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->fields[i].name);
      if (g_param_values_cmp (pspec, &va[i], &vb[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * se_record_list_differences:
 * @a: a record
 * @b: a record of the same kind
 *
 * What a conflict's comparison shows: the fields a user edits whose
 * values differ between two versions of a record. The fields the store
 * keeps itself (SE_FIELD_FLAGS_STORE_OWNED) are left out.
 *
 * Returns: (transfer container) (element-type SeField): the fields, in
 *   the order of the field table; empty when the two agree
 */
GPtrArray *
se_record_list_differences (SeRecord *a,
                            SeRecord *b)
{
  SeRecordClass *klass;
  GPtrArray     *fields;
  GValue        *va, *vb;

  g_return_val_if_fail (SE_IS_RECORD (a) && SE_IS_RECORD (b), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), NULL);

  fields = g_ptr_array_new ();
  klass = SE_RECORD_GET_CLASS (a);
  va = ensure_values (a);
  vb = ensure_values (b);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec;

      if (klass->fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), klass->fields[i].name);
      if (g_param_values_cmp (pspec, &va[i], &vb[i]) != 0)
        g_ptr_array_add (fields, (gpointer) &klass->fields[i]);
    }
  return fields;
}

static gboolean
fail (GError       **error,
      const char   **out_field,
      const SeField *field,
      int            code,
      const char    *message)
{
  if (out_field != NULL)
    *out_field = field->name;
  g_set_error_literal (error, SE_VALIDATION_ERROR, code, message);
  return FALSE;
}

static gboolean
validate_field (SeRecord      *self,
                const SeField *field,
                const GValue  *value,
                const char   **out_field,
                GError       **error)
{
  const char *label = se_field_get_label (field);
  g_autofree char *msg = NULL;
  const char *s = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  gboolean (*check) (SeRecord *, const SeField *, const GValue *, GError **);

  if (field->flags & SE_FIELD_FLAGS_REQUIRED)
    {
      gboolean empty = FALSE;

      if (G_VALUE_HOLDS_STRING (value))
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (s != NULL ? s : ""));
          empty = *trimmed == '\0';
        }
      else if (G_VALUE_HOLDS_INT64 (value))
        empty = g_value_get_int64 (value) == 0;

      if (empty)
        {
          /* Translators: %s is the name of a field, e.g. "Name" */
          msg = g_strdup_printf (_("“%s” is required. Fill it in to save."), label);
          return fail (error, out_field, field, SE_VALIDATION_ERROR_REQUIRED, msg);
        }
    }

  if (s != NULL && strlen (s) > MAX_TEXT_LENGTH)
    {
      /* Translators: %s is the name of a field */
      msg = g_strdup_printf (_("“%s” is too long. Shorten it to at most 100,000 characters."),
                             label);
      return fail (error, out_field, field, SE_VALIDATION_ERROR_TOO_LONG, msg);
    }

  check = se_field_get_info (field)->check;
  if (check != NULL && !check (self, field, value, error))
    {
      if (out_field != NULL)
        *out_field = field->name;
      return FALSE;
    }

  if (field->after != NULL && s != NULL)
    {
      const char *start = se_record_get_string (self, field->after);
      const SeField *start_field = se_record_class_find_field (SE_RECORD_GET_CLASS (self),
                                                               field->after);
      if (se_date_compare_range (start, s) < 0)
        {
          /* Translators: both %s are names of fields, e.g. "“End” lies before “Start”." */
          msg = g_strdup_printf (_("“%s” lies before “%s”. Correct one of them."),
                                 label, se_field_get_label (start_field));
          return fail (error, out_field, field, SE_VALIDATION_ERROR_END_BEFORE_START, msg);
        }
    }

  return TRUE;
}

/**
 * se_record_validate:
 * @self: a record
 * @field: (out) (optional) (transfer none): the name of the field at fault
 * @error: a #SE_VALIDATION_ERROR with a message that says what to fix
 *
 * Checks every rule the record must satisfy to be stored, in field order,
 * and stops at the first that fails.
 *
 * Returns: %TRUE if the record may be stored
 */
gboolean
se_record_validate (SeRecord    *self,
                    const char **field,
                    GError     **error)
{
  SeRecordClass *klass;
  GValue *values;

  g_return_val_if_fail (SE_IS_RECORD (self), FALSE);

  klass = SE_RECORD_GET_CLASS (self);
  values = ensure_values (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!validate_field (self, &klass->fields[i], &values[i], field, error))
      return FALSE;

  if (klass->validate != NULL)
    return klass->validate (self, field, error);

  return TRUE;
}
