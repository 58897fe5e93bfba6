/* bench-clinic-data.h — a generated clinic, and what is typed to search it, shared by the
 * benchmarks (bench-clinic.c on SQLite, bench-server.c on PostgreSQL beside it) */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "crepitus-store-testing.h"

G_BEGIN_DECLS

#define PAGE 50
#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static const char * const families[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
  "Schäfer", "García", "Martínez", "López", "González", "Rodríguez", "Fernández", "Sánchez",
  "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez",
  "Muñoz", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
  "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
  "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Król",
  "Wróbel", "Stępień", "Górski", "Øster", "Østergaard", "Sørensen", "Jørgensen", "Møller",
  "Kjær", "Løkke", "Bjørn", "Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Larsen",
  "Rasmussen", "Ærø", "Æbelø", "Đorđević", "Jovanović", "Petrović", "Nikolić", "Marković",
  "Đukić", "Stojanović", "Straße", "Strauß", "Groß", "Weiß", "Nguyễn", "Trần", "Lê", "Phạm",
  "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi", "O'Brien", "O'Connor", "Murphy", "Kelly",
  "Walsh", "Smith", "Byrne", "McCarthy", "Gallagher", "Kim", "Lee", "Park", "Choi", "Jung",
  "Dubois", "Lefèvre", "Cœurdacier", "Bœuf", "Moreau", "Laurent", "Lefebvre", "Garnier",
  "Rousseau", "Guérin", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
  "Ricci", "De Luca", "Öztürk", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın",
  "Özdemir", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Petrov", "Volkov", "Lebedev", "Kozlov",
};

static const char * const givens[] = {
  "Hans", "Jürgen", "Łukasz", "Lucía", "María", "José", "Antonio", "Manuel", "Francisco",
  "David", "Juan", "Javier", "Carlos", "Jesús", "Miguel", "Ángel", "Sergio", "Álvaro", "Raúl",
  "Iván", "Andrés", "Joaquín", "Víctor", "Carmen", "Ana", "Isabel", "Pilar", "Teresa", "Rosa",
  "Cristina", "Ángela", "Elena", "Laura", "Marta", "Raquel", "Beatriz", "Sara", "Paula", "Eva",
  "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Józef",
  "Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Søren", "Bjørg", "Ørjan", "Åse", "Mads",
  "Frederik", "Freja", "Ida", "Emma", "Dragan", "Đurđa", "Zoran", "Milan", "Dušan", "Minh",
  "Hương", "Seo-yeon", "Min-jun", "Ji-woo", "Siobhán", "Seán", "Aoife", "Niamh", "Chloé",
  "Zoé", "Léa", "Hélène", "François", "Jérôme", "Benoît", "Gaëlle", "Anaïs", "Giuseppe",
  "Giovanni", "Francesca", "Chiara", "Mehmet", "Ayşe", "Fatma", "Mustafa", "İbrahim", "Şükrü",
  "Ivan", "Olga", "Natalia", "Sergei", "Dmitri", "Tatiana", "Svetlana", "John", "Mary",
};

static const char * const clinicians[] = {
  "A. Clinician", "Dr B. Okafor", "Dr C. Lindqvist", "D. Physio", "Dr E. Moreau",
};

static const char * const notes[] = {
  "Pops on rising from a chair.", "Click when lifting the left leg, no pain.",
  "Grinding on trunk rotation; stiff in the morning.", "Occasional pop while walking uphill.",
  "Painless pop on leg extension, relief afterwards.",
};

/* What is typed, a keystroke at a time. */
static const char * const typed[] = {
  "müller", "lukasz", "oster", "garcia lucia", "nguyen", "wisniewski", "sorensen", "dordevic",
  "kowalczyk zofia", "maria", "smith john", "straße", "K-012345",
};

G_GNUC_NORETURN static inline void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static inline char *
random_date (GRand *rand,
             int    from_year,
             int    to_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, from_year, to_year + 1),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static inline void
generate (CrepitusStore *store,
          guint          n_patients)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20261125);
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  guint n_flags;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n_flags);

  if (!crepitus_store_testing_begin_bulk (store, &error))
    die ("begin", error);
  for (guint i = 0; i < n_patients; i++)
    {
      g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      g_autofree char *birth = random_date (rand, 1930, 2005);
      g_autofree char *mrn = g_strdup_printf ("%c-%06u", "ABCDEFGHJK"[i % 10], i);

      /* One in ten has a double family name, one in ten two given names. */
      family = g_rand_int_range (rand, 0, 10) == 0
               ? g_strdup_printf ("%s-%s", PICK (rand, families), PICK (rand, families))
               : g_strdup (PICK (rand, families));
      given = g_rand_int_range (rand, 0, 10) == 0
              ? g_strdup_printf ("%s %s", PICK (rand, givens), PICK (rand, givens))
              : g_strdup (PICK (rand, givens));
      crepitus_patient_set_family_name (patient, family);
      crepitus_patient_set_given_name (patient, given);
      crepitus_patient_set_birth_date (patient, birth);
      crepitus_patient_set_mrn (patient, mrn);
      crepitus_patient_set_sex (patient, g_rand_int_range (rand, 1, 5));
      if (!crepitus_store_save_patient (store, patient, NULL, &error))
        die ("patient", error);

      for (guint a = 0; a < 3; a++)
        {
          g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
          g_autofree char *date = g_strdup_printf ("202%d-%02d-%02d", 3 + a,
                                                   g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));
          const CrepitusFactor *factor = &factors[g_rand_int_range (rand, 0, n_factors)];
          CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factor->key);

          crepitus_assessment_set_date (assessment, date);
          crepitus_assessment_set_clinician (assessment, PICK (rand, clinicians));
          crepitus_assessment_set_side (assessment, g_rand_int_range (rand, 1, 4));
          crepitus_assessment_set_sound (assessment, g_rand_int_range (rand, 1, 5));
          crepitus_assessment_set_frequency (assessment, g_rand_int_range (rand, 1, 5));
          crepitus_assessment_set_duration_weeks (assessment, g_rand_int_range (rand, 0, 60));
          crepitus_assessment_set_pain_score (assessment, g_rand_int_range (rand, 0, 11));
          crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM,
                                          crepitus_catalog_key (CREPITUS_LIST_SYMPTOM,
                                                                g_rand_int_range (rand, 0, 8)),
                                          TRUE);
          crepitus_assessment_set_member (assessment, CREPITUS_LIST_MOVEMENT, "leg-extension",
                                          TRUE);
          crepitus_factor_record_set_judgement (record, g_rand_int_range (rand, 1, 4));
          crepitus_factor_record_set_finding (record, factor->findings[0].key, TRUE);
          crepitus_assessment_set_notes (assessment, PICK (rand, notes));
          /* Signing needs a complete red-flag screen. */
          for (guint f = 0; f < n_flags; f++)
            crepitus_assessment_set_red_flag (assessment, flags[f].key, CREPITUS_RED_FLAG_ABSENT);
          if (!crepitus_store_save_assessment (store, assessment, NULL, &error))
            die ("assessment", error);
          /* The earlier visits are signed. */
          if (a < 2 && !crepitus_store_sign (store, crepitus_assessment_get_id (assessment),
                                             clinicians[a], &error))
            die ("sign", error);
        }
    }
  if (!crepitus_store_testing_end_bulk (store, &error))
    die ("commit", error);
  g_rand_free (rand);
}

/* The count and the first page of the patients matching every prefix of each typed text, as
 * the window asks for them a keystroke at a time, @rounds times: the time of each keystroke
 * in @keystrokes (µs), and the slowest in @slowest. */
static inline void
time_keystrokes (CrepitusStore *store,
                 guint          rounds,
                 GArray        *keystrokes,
                 GArray        *short_keystrokes,
                 GArray        *long_keystrokes,
                 GString       *slowest)
{
  g_autoptr(GError) error = NULL;
  gint64 worst = 0;

  for (guint round = 0; round < rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        const char *end = typed[i];

        while (*end != '\0')
          {
            g_autoptr(GPtrArray) page = NULL;
            g_autofree char *prefix = NULL;
            guint count = 0;
            gint64 start, t;

            end = g_utf8_next_char (end);
            prefix = g_strndup (typed[i], end - typed[i]);
            start = g_get_monotonic_time ();
            if (!crepitus_store_count_patients (store, prefix, &count, &error))
              die (prefix, error);
            page = crepitus_store_search_patients (store, prefix, 0, PAGE, &error);
            if (page == NULL)
              die (prefix, error);
            t = g_get_monotonic_time () - start;
            g_array_append_val (keystrokes, t);
            if (g_utf8_strlen (prefix, -1) <= 2)
              g_array_append_val (short_keystrokes, t);
            else
              g_array_append_val (long_keystrokes, t);
            if (t > worst)
              {
                worst = t;
                g_string_printf (slowest, "“%s” (%u matches) %.3f ms", prefix, count, t / 1000.0);
              }
          }
      }
}

G_END_DECLS
