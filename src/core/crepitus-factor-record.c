/* crepitus-factor-record.c — one factor of the checklist as judged in an assessment */
#define G_LOG_DOMAIN "crepitus-factor-record"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-factor-record.h"
#include "crepitus-fields.h"

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

struct _CrepitusFactorRecord
{
  GObject                parent_instance;
  const CrepitusFactor  *factor;
  CrepitusJudgement      judgement;
  guint32                findings;   /* bit i: finding i of the factor */
  char                  *notes;
};

G_DEFINE_FINAL_TYPE (CrepitusFactorRecord, crepitus_factor_record, G_TYPE_OBJECT)

enum {
  FACTOR_PROP_0,
  FACTOR_PROP_KEY,
  FACTOR_PROP_JUDGEMENT,
  FACTOR_PROP_FINDINGS,
  FACTOR_PROP_NOTES,
  FACTOR_N_PROPS
};
static GParamSpec *factor_properties[FACTOR_N_PROPS];

const char *
crepitus_factor_record_get_key (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);
  return self->factor->key;
}

CrepitusJudgement
crepitus_factor_record_get_judgement (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), CREPITUS_JUDGEMENT_NOT_ASSESSED);
  return self->judgement;
}

void
crepitus_factor_record_set_judgement (CrepitusFactorRecord *self,
                                      CrepitusJudgement     judgement)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  if (self->judgement == judgement)
    return;
  self->judgement = judgement;
  g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_JUDGEMENT]);
}

static int
finding_index (const CrepitusFactor *factor,
               const char           *key)
{
  const CrepitusFinding *finding = crepitus_catalog_finding (factor, key);

  return finding == NULL ? -1 : (int) (finding - factor->findings);
}

char **
crepitus_factor_record_dup_findings (CrepitusFactorRecord *self)
{
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->factor->n_findings; i++)
    if (self->findings & (1u << i))
      g_strv_builder_add (builder, self->factor->findings[i].key);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
crepitus_factor_record_has_finding (CrepitusFactorRecord *self,
                                    const char           *finding)
{
  int index;

  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), FALSE);

  index = finding_index (self->factor, finding);
  return index >= 0 && (self->findings & (1u << index)) != 0;
}

static void
factor_record_set_findings_mask (CrepitusFactorRecord *self,
                                 guint32               mask)
{
  if (self->findings == mask)
    return;
  self->findings = mask;
  g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_FINDINGS]);
}

void
crepitus_factor_record_set_finding (CrepitusFactorRecord *self,
                                    const char           *finding,
                                    gboolean              present)
{
  int index;

  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  index = finding_index (self->factor, finding);
  g_return_if_fail (index >= 0);

  if (present)
    factor_record_set_findings_mask (self, self->findings | (1u << index));
  else
    factor_record_set_findings_mask (self, self->findings & ~(1u << index));
}

const char *
crepitus_factor_record_get_notes (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);
  return self->notes;
}

void
crepitus_factor_record_set_notes (CrepitusFactorRecord *self,
                                  const char           *notes)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  if (crepitus_text_replace (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_NOTES]);
}

gboolean
crepitus_factor_record_is_empty (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), TRUE);
  return self->judgement == CREPITUS_JUDGEMENT_NOT_ASSESSED && self->findings == 0 &&
         self->notes == NULL;
}

static void
crepitus_factor_record_finalize (GObject *object)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  g_free (self->notes);

  G_OBJECT_CLASS (crepitus_factor_record_parent_class)->finalize (object);
}

static void
crepitus_factor_record_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  switch (prop_id)
    {
    case FACTOR_PROP_KEY:
      g_value_set_string (value, self->factor->key);
      break;
    case FACTOR_PROP_JUDGEMENT:
      g_value_set_enum (value, self->judgement);
      break;
    case FACTOR_PROP_FINDINGS:
      g_value_take_boxed (value, crepitus_factor_record_dup_findings (self));
      break;
    case FACTOR_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_record_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  switch (prop_id)
    {
    case FACTOR_PROP_KEY:
      self->factor = crepitus_catalog_factor (g_value_get_string (value));
      g_assert (self->factor != NULL);
      break;
    case FACTOR_PROP_JUDGEMENT:
      crepitus_factor_record_set_judgement (self, g_value_get_enum (value));
      break;
    case FACTOR_PROP_FINDINGS:
      {
        const char * const *keys = g_value_get_boxed (value);
        guint32 mask = 0;

        for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
          {
            int index = finding_index (self->factor, keys[i]);

            if (index < 0)
              g_critical ("“%s” is not a finding of %s", keys[i], self->factor->key);
            else
              mask |= 1u << index;
          }
        factor_record_set_findings_mask (self, mask);
      }
      break;
    case FACTOR_PROP_NOTES:
      crepitus_factor_record_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_record_class_init (CrepitusFactorRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crepitus_factor_record_finalize;
  object_class->get_property = crepitus_factor_record_get_property;
  object_class->set_property = crepitus_factor_record_set_property;

  factor_properties[FACTOR_PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  factor_properties[FACTOR_PROP_JUDGEMENT] =
    g_param_spec_enum ("judgement", NULL, NULL, CREPITUS_TYPE_JUDGEMENT,
                       CREPITUS_JUDGEMENT_NOT_ASSESSED, RW_FLAGS);
  factor_properties[FACTOR_PROP_FINDINGS] =
    g_param_spec_boxed ("findings", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  factor_properties[FACTOR_PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, RW_FLAGS);
  g_object_class_install_properties (object_class, FACTOR_N_PROPS, factor_properties);
}

static void
crepitus_factor_record_init (CrepitusFactorRecord *self)
{
}
