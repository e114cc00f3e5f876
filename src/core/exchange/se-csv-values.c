/* se-csv-values.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-exchange"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "se-csv.h"
#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-store-jobs.h"

#include "se-csv-private.h"

/* One cell of an imported line into one field of a record: numbers,
 * dates, yes and no, the names of enum values, and references by id or
 * by the referenced record's exact title. */

gboolean
_se_csv_parse_int64 (const char *text,
                     gint64      min,
                     gint64     *value)
{
  guint64 u;
  gboolean negative = FALSE;
  const char *p = text;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p) || !g_ascii_string_to_unsigned (p, 10, 0, G_MAXINT64, &u, NULL))
    return FALSE;
  *value = negative ? -(gint64) u : (gint64) u;
  return *value >= min;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *t = _se_csv_fold (text);
  g_autofree char *yes = _se_csv_fold (_se_csv_yes_label ());
  g_autofree char *no = _se_csv_fold (_se_csv_no_label ());
  const char *truths[] = { "1", "yes", "true", "x", yes, NULL };
  const char *lies[] = { "", "0", "no", "false", no, NULL };

  if (g_strv_contains (truths, t))
    *value = TRUE;
  else if (g_strv_contains (lies, t))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_enum (GType       enum_type,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (enum_type);
  g_autofree char *t = NULL;

  /* The nicks first, as an export with field names writes them: folding
   * the labels took a seventh of the import of 200,000 placements. */
  for (guint i = 0; i < eclass->n_values; i++)
    if (g_ascii_strcasecmp (text, eclass->values[i].value_nick) == 0)
      {
        *value = eclass->values[i].value;
        return TRUE;
      }

  t = _se_csv_fold (text);
  for (guint i = 0; i < eclass->n_values; i++)
    {
      GEnumValue *ev = &eclass->values[i];
      g_autofree char *label = _se_csv_fold (se_enum_get_label (enum_type, ev->value));

      if (strcmp (t, label) == 0)
        {
          *value = ev->value;
          return TRUE;
        }
    }
  return FALSE;
}

static GHashTable *
titles_of (Import *im,
           GType   type)
{
  GHashTable *titles = g_hash_table_lookup (im->titles, GSIZE_TO_POINTER (type));
  GListModel *list;
  guint n;

  if (titles != NULL)
    return titles;

  titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  list = se_store_get_list (im->store, type);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      char *title = se_record_dup_title (r);
      gint64 id = se_record_get_id (r);

      if (g_hash_table_contains (titles, title))
        id = -1;
      g_hash_table_replace (titles, title, g_memdup2 (&id, sizeof id));
    }

  g_hash_table_insert (im->titles, GSIZE_TO_POINTER (type), titles);
  return titles;
}

/* A reference as a number, or the exact title of a stored record. */
static gboolean
parse_reference (Import        *im,
                 const SeField *f,
                 const char    *text,
                 gint64        *id,
                 guint          line)
{
  GType target = f->target ();
  g_autoptr(GTypeClass) tclass = g_type_class_ref (target);
  const char *kind = se_record_class_get_kind_label (SE_RECORD_CLASS (tclass));
  gint64 *found;

  if (_se_csv_parse_int64 (text, 1, id))
    {
      g_autoptr(SeRecord) r = NULL;

      if (target == im->type)
        {
          /* It may come further down the file: checked at the end. */
          return TRUE;
        }
      r = se_store_lookup (im->store, target, *id);
      if (r != NULL)
        return TRUE;
      /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value in the file */
      _se_csv_add_problemf (im, line, f->name,
                            _("“%1$s”: there is no %2$s with the number %3$s. Import those records "
                              "first or correct the number."), se_field_get_label (f), kind, text);
      return FALSE;
    }

  found = g_hash_table_lookup (titles_of (im, target), text);
  if (found != NULL && *found > 0)
    {
      *id = *found;
      return TRUE;
    }
  if (found != NULL)
    _se_csv_add_problemf (im, line, f->name,
                          /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value */
                          _("“%1$s”: more than one %2$s is called “%3$s”. Write its number instead."),
                          se_field_get_label (f), kind, text);
  else
    _se_csv_add_problemf (im, line, f->name,
                          /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value */
                          _("“%1$s”: there is no %2$s “%3$s”. Write the exact name or the number of an "
                            "existing one, or import those records first."),
                          se_field_get_label (f), kind, text);
  return FALSE;
}

/* Sets one field from the file's text; FALSE with a problem when it is not
 * a value the field can hold. */
gboolean
_se_csv_set_value (Import        *im,
                   SeRecord      *record,
                   const SeField *f,
                   char          *text,
                   guint          line)
{
  const SeFieldTypeInfo *info = se_field_get_info (f);
  const char *label = se_field_get_label (f);
  g_autofree char *value = NULL;

  /* What the export escaped (see _se_csv_looks_like_formula ()). */
  if (info->free_text && text[0] == '\'' && _se_csv_looks_like_formula (text + 1))
    text++;

  switch (info->value)
    {
    case SE_FIELD_VALUE_INT:
      {
        gint64 n = 0;

        g_strstrip (text);
        if (*text != '\0' && (!_se_csv_parse_int64 (text, G_MININT, &n) || n > G_MAXINT))
          {
            /* Translators: %1$s names a column, %2$s is the value in the file */
            _se_csv_add_problemf (im, line, f->name,
                                  _("“%1$s” must be a whole number, not “%2$s”."), label, text);
            return FALSE;
          }
        se_record_set_int (record, f->name, (int) n);
      }
      return TRUE;

    case SE_FIELD_VALUE_BOOLEAN:
      {
        gboolean b;

        if (!parse_boolean (text, &b))
          {
            /* Translators: %1$s names a column, %2$s is the value, %3$s and %4$s
             * the words for yes and no */
            _se_csv_add_problemf (im, line, f->name, _("“%1$s” must be “%3$s” or “%4$s”, not “%2$s”."),
                                  label, g_strstrip (text), _se_csv_yes_label (), _se_csv_no_label ());
            return FALSE;
          }
        se_record_set_int (record, f->name, b);
      }
      return TRUE;

    case SE_FIELD_VALUE_ENUM:
      {
        int v;

        g_strstrip (text);
        if (*text == '\0')
          return TRUE; /* the default */
        if (!parse_enum (f->target (), text, &v))
          {
            g_autoptr(GEnumClass) eclass = g_type_class_ref (f->target ());
            g_autoptr(GString) choices = g_string_new (NULL);

            for (guint i = 0; i < eclass->n_values; i++)
              g_string_append_printf (choices, "%s“%s”", i > 0 ? C_("list separator", ", ") : "",
                                      se_enum_get_label (f->target (), eclass->values[i].value));
            /* Translators: %1$s names a column, %2$s is the value, %3$s lists the choices */
            _se_csv_add_problemf (im, line, f->name, _("“%1$s” cannot be “%2$s”. Use one of %3$s."),
                                  label, text, choices->str);
            return FALSE;
          }
        se_record_set_int (record, f->name, v);
      }
      return TRUE;

    case SE_FIELD_VALUE_REFERENCE:
      {
        gint64 id = 0;

        g_strstrip (text);
        if (*text != '\0' && !parse_reference (im, f, text, &id, line))
          return FALSE;
        se_record_set_reference (record, f->name, id);
      }
      return TRUE;

    case SE_FIELD_VALUE_STRING:
    default:
      if (info->trim)
        g_strstrip (text);
      if (*text != '\0' && info->parse != NULL)
        {
          g_autoptr(GError) error = NULL;

          value = info->parse (text, label, &error);
          if (value == NULL)
            {
              _se_csv_add_problem (im, line, f->name, error->message);
              return FALSE;
            }
        }
      se_record_set_string (record, f->name, value != NULL ? value : text);
      return TRUE;
    }
}

gboolean
_se_csv_all_empty (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *s = g_ptr_array_index (cells, i);

      for (; *s; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}
