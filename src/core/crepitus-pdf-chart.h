/* crepitus-pdf-chart.h — the chart of a patient's NPRS and ODI across visits, on a PDF page */
#pragma once

#include "crepitus-history.h"
#include "crepitus-pdf-layout.h"

G_BEGIN_DECLS

/* Height of the chart's drawing, in points, below its heading. */
#define CREPITUS_PDF_CHART_HEIGHT 210.0

/* Adds the chart of @history (two visits or more; otherwise nothing) to @layout under a
 * heading, drawn with libharu's path operators. @history must outlive @layout's pages. */
void crepitus_pdf_chart_add (CrepitusPdfLayout     *layout,
                             const CrepitusHistory *history);

G_END_DECLS
