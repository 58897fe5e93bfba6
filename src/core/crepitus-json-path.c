/* crepitus-json-path.c — the §6 path at a byte of a JSON text
 *
 * jansson refuses some documents itself (a number too large for an integer or a double, a
 * repeated object key, \u0000, bytes that are not UTF-8) and says only where: a line, a
 * column and a byte position. It has no API for the path of the value it was reading, and §6
 * wants every such error to name it. The text before that position parsed, so a small scanner
 * over it finds the path: a stack of the open objects, each with the key being read, and of
 * the open arrays, each with the index of the entry being read.
 *
 * It trusts nothing (fuzz-json runs every error through it): whatever the bytes, it reads
 * within @length and ends.
 */
#define G_LOG_DOMAIN "crepitus-json"

#include "config.h"

#include "crepitus-json-path.h"

typedef struct
{
  gboolean array;
  gsize    index;       /* an array: the entry being read */
  gboolean has_key;     /* an object: a key was read since '{' or ',' */
  gsize    key_start;   /* ... written between these bytes, inside its quotes */
  gsize    key_end;
} Frame;

/* Four hexadecimal digits at @i, before @end. */
static gboolean
read_hex4 (const char *data,
           gsize       i,
           gsize       end,
           gunichar   *value)
{
  *value = 0;
  if (i > end || end - i < 4)
    return FALSE;
  for (gsize k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (data[i + k]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

/* Appends the key written between @start and @end with its escapes decoded, as jansson reads
 * it; \u0000 stays written so (a path is a C string), and a lone surrogate is U+FFFD. */
static void
append_key (GString    *path,
            const char *data,
            gsize       start,
            gsize       end)
{
  gsize i = start;

  while (i < end)
    {
      gunichar c, low;

      if (data[i] == '\0')
        {
          g_string_append (path, "\\u0000");
          i++;
          continue;
        }
      if (data[i] != '\\' || i + 1 >= end)
        {
          g_string_append_c (path, data[i++]);
          continue;
        }
      if (data[i + 1] != 'u')
        {
          switch (data[i + 1])
            {
            case 'b':
              g_string_append_c (path, '\b');
              break;
            case 'f':
              g_string_append_c (path, '\f');
              break;
            case 'n':
              g_string_append_c (path, '\n');
              break;
            case 'r':
              g_string_append_c (path, '\r');
              break;
            case 't':
              g_string_append_c (path, '\t');
              break;
            case '"':
            case '\\':
            case '/':
              g_string_append_c (path, data[i + 1]);
              break;
            default:
              /* Not an escape: the backslash as written, then the next byte as any other. */
              g_string_append_c (path, '\\');
              i++;
              continue;
            }
          i += 2;
          continue;
        }
      if (!read_hex4 (data, i + 2, end, &c))
        {
          g_string_append_c (path, data[i++]);
          continue;
        }
      i += 6;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < end && data[i] == '\\' && data[i + 1] == 'u' &&
          read_hex4 (data, i + 2, end, &low) && low >= 0xDC00 && low <= 0xDFFF)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      if (c == 0)
        g_string_append (path, "\\u0000");
      else if (c >= 0xD800 && c <= 0xDFFF)
        g_string_append_unichar (path, 0xFFFD);
      else
        g_string_append_unichar (path, c);
    }
}

char *
crepitus_json_path_at (const char  *data,
                       gsize        length,
                       gsize        position,
                       char       **key)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  GString *path = g_string_new (NULL);
  gsize i = 0;

  if (key != NULL)
    *key = NULL;
  g_return_val_if_fail (data != NULL || length == 0, g_string_free (path, FALSE));

  position = MIN (position, length);
  while (i < position)
    {
      Frame *top = frames->len > 0 ? &g_array_index (frames, Frame, frames->len - 1) : NULL;
      Frame open = { .array = data[i] == '[' };
      gsize start;

      switch (data[i])
        {
        case '{':
        case '[':
          g_array_append_val (frames, open);
          break;
        case '}':
        case ']':
          if (top != NULL)
            g_array_set_size (frames, frames->len - 1);
          break;
        case ',':
          if (top != NULL && top->array)
            top->index++;
          else if (top != NULL)
            top->has_key = FALSE;
          break;
        case '"':
          /* To the closing quote; a string cut by @position is still being read: a value
           * at the path so far, or a key not known yet. */
          start = i + 1;
          for (i = start; i < position && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
          if (i >= position)
            continue;
          if (top != NULL && !top->array && !top->has_key)
            {
              top->has_key = TRUE;
              top->key_start = start;
              top->key_end = i;
            }
          break;
        default:
          break;
        }
      i++;
    }

  for (guint f = 0; f < frames->len; f++)
    {
      const Frame *frame = &g_array_index (frames, Frame, f);

      if (frame->array)
        g_string_append_printf (path, "[%zu]", frame->index);
      else if (frame->has_key)
        {
          gsize key_offset;

          if (path->len > 0)
            g_string_append_c (path, '.');
          key_offset = path->len;
          append_key (path, data, frame->key_start, frame->key_end);
          if (key != NULL && f + 1 == frames->len)
            *key = g_strdup (path->str + key_offset);
        }
    }
  return g_string_free (path, FALSE);
}
