/* bench-clinic-data.c — a working clinic, generated: patients from many countries, three
 * visits each, the earlier two signed (bench-clinic, bench-startup) */
#include "config.h"

#include "bench-clinic-data.h"
#include "crepitus-store-testing.h"

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

static char *
random_date (GRand *rand,
             int    from_year,
             int    to_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, from_year, to_year + 1),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

gboolean
bench_generate_clinic (CrepitusStore  *store,
                       guint           n_patients,
                       GError        **error)
{
  GRand *rand = g_rand_new_with_seed (20261125);
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  if (!crepitus_store_testing_begin_bulk (store, error))
    return FALSE;
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
      if (!crepitus_store_save_patient (store, patient, NULL, error))
        goto failed;

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
          /* The red-flag screen: complete at the earlier visits (signing needs it), one in
           * fifty with night pain; the latest visit is still being asked. */
          for (guint f = 0; f < crepitus_catalog_count (CREPITUS_LIST_RED_FLAG); f++)
            {
              const char *flag = crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, f);

              if (a == 2 && f >= 5)
                break;
              crepitus_assessment_set_red_flag (assessment, flag,
                                                g_str_equal (flag, "night-pain") &&
                                                g_rand_int_range (rand, 0, 50) == 0
                                                ? CREPITUS_RED_FLAG_PRESENT
                                                : CREPITUS_RED_FLAG_ABSENT);
            }
          if (!crepitus_store_save_assessment (store, assessment, NULL, error))
            goto failed;
          /* The earlier visits are signed. */
          if (a < 2 && !crepitus_store_sign (store, crepitus_assessment_get_id (assessment),
                                             clinicians[a], error))
            goto failed;
        }
    }
  g_rand_free (rand);
  return crepitus_store_testing_end_bulk (store, error);

failed:
  g_rand_free (rand);
  return FALSE;
}
