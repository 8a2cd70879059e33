//! Turning laid-out pages into PDF bytes with printpdf.

use std::sync::Arc;

use printpdf::{
    Color, Line as PdfLine, LinePoint, Mm, OffsetDateTime, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat,
    Rect, Rgb, TextItem, TextMatrix, XObjectId, XObjectTransform,
};

use super::clean::printable_line;
use super::fonts::{Face, Fonts};
use super::layout::Mark;
use super::page::{Frame, Sheet};
use super::style::Ink;

/// Millimetres per point, for printpdf's page size, which it takes in millimetres.
const MM_PER_PT: f32 = 25.4 / 72.0;

/// Pages laid out together under one running head and foot: a whole document, or one part
/// of a pack of several (the partner kit), numbered "Page n of N" within itself.
#[derive(Debug, Clone)]
pub struct Section {
    /// The head and foot; `None` for pages that must print edge to edge (card sheets).
    pub frame: Option<Frame>,
    pub pages: Vec<Vec<Mark>>,
}

/// The PDF for `pages` laid out on `sheet`, with `frame`'s head and foot on every page and
/// `title` in the document properties. Fonts are embedded as subsets of the glyphs used.
pub fn paint(
    fonts: &Fonts,
    sheet: &Sheet,
    frame: Option<&Frame>,
    title: &str,
    pages: Vec<Vec<Mark>>,
) -> Vec<u8> {
    let section = Section {
        frame: frame.cloned(),
        pages,
    };
    paint_sections(fonts, sheet, title, vec![section])
}

/// One PDF of several sections in order, each with its own head, foot and page count.
pub fn paint_sections(
    fonts: &Fonts,
    sheet: &Sheet,
    title: &str,
    sections: Vec<Section>,
) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    // printpdf dates new documents 1 January 1970 unless told otherwise; a viewer's
    // "Properties" should say when the copy was printed and by what.
    let info = &mut doc.metadata.info;
    let now = OffsetDateTime::now_utc();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
    info.creator = "Partnerdesk".to_string();
    info.producer = format!("Partnerdesk {}", crate::APP_VERSION);
    let regular = PdfFontHandle::External(doc.add_font(fonts.parsed(Face::Regular)));
    let bold = PdfFontHandle::External(doc.add_font(fonts.parsed(Face::Bold)));
    // Each distinct picture is embedded once, however many marks show it (ten logos on a
    // sheet of cards share one image).
    let mut images: Vec<(Arc<Vec<u8>>, XObjectId)> = Vec::new();
    for section in &sections {
        for mark in section.pages.iter().flatten() {
            if let Mark::Image { picture, .. } = mark {
                if !images.iter().any(|(rgb, _)| Arc::ptr_eq(rgb, &picture.rgb)) {
                    let raw = RawImage {
                        pixels: RawImageData::U8(picture.rgb.as_ref().clone()),
                        width: picture.width as usize,
                        height: picture.height as usize,
                        data_format: RawImageFormat::RGB8,
                        tag: Vec::new(),
                    };
                    images.push((picture.rgb.clone(), doc.add_image(&raw)));
                }
            }
        }
    }
    let painter = Painter {
        sheet,
        regular,
        bold,
        images,
    };
    let mut pdf_pages = Vec::new();
    for section in sections {
        let total = section.pages.len();
        for (i, marks) in section.pages.into_iter().enumerate() {
            let mut ops = Vec::new();
            // Card sheets have no running head or page numbers: they would print on a card.
            let head_and_foot = section
                .frame
                .as_ref()
                .map(|f| f.marks(fonts, sheet, i + 1, total))
                .unwrap_or_default();
            for mark in marks.iter().chain(&head_and_foot) {
                painter.paint(mark, &mut ops);
            }
            pdf_pages.push(PdfPage::new(
                Mm(sheet.width * MM_PER_PT),
                Mm(sheet.height * MM_PER_PT),
                ops,
            ));
        }
    }
    let mut warnings = Vec::new();
    let bytes = doc
        .with_pages(pdf_pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    for warning in warnings {
        tracing::debug!(page = warning.page, message = %warning.msg, "printpdf warning");
    }
    bytes
}

/// Converts marks (top-left origin, y down) into printpdf operations (bottom-left origin).
struct Painter<'s> {
    sheet: &'s Sheet,
    regular: PdfFontHandle,
    bold: PdfFontHandle,
    /// The embedded pictures, by the pixels they were made from.
    images: Vec<(Arc<Vec<u8>>, XObjectId)>,
}

impl Painter<'_> {
    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.sheet.height - y),
        }
    }

    fn paint(&self, mark: &Mark, ops: &mut Vec<Op>) {
        match mark {
            Mark::Text { x, y, style, text } => {
                // Layout cleans text before measuring it; cleaning again here means no mark,
                // however it was built, can print a bidi override.
                let text = printable_line(text);
                if text.is_empty() {
                    return;
                }
                let font = match style.face {
                    Face::Regular => self.regular.clone(),
                    Face::Bold => self.bold.clone(),
                };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font,
                        size: Pt(style.size),
                    },
                    Op::SetFillColor {
                        col: color(style.ink),
                    },
                    // An absolute text matrix per line: printpdf's cursor op is relative to
                    // the previous line, which would make every position depend on the last.
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(self.sheet.height - y)),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(text)],
                    },
                    Op::EndTextSection,
                ]);
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ink,
            } => ops.extend([
                Op::SetOutlineColor { col: color(*ink) },
                Op::SetOutlineThickness { pt: Pt(*width) },
                Op::DrawLine {
                    line: PdfLine {
                        points: vec![
                            LinePoint {
                                p: self.point(*x1, *y1),
                                bezier: false,
                            },
                            LinePoint {
                                p: self.point(*x2, *y2),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                },
            ]),
            Mark::Image {
                x,
                y,
                w,
                h,
                picture,
            } => {
                let Some((_, id)) = self
                    .images
                    .iter()
                    .find(|(rgb, _)| Arc::ptr_eq(rgb, &picture.rgb))
                else {
                    return;
                };
                // printpdf sizes an image by its dpi: one pixel is 72/dpi points.
                let dpi = picture.width as f32 * 72.0 / w.max(0.1);
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(self.sheet.height - y - h)),
                        dpi: Some(dpi),
                        ..Default::default()
                    },
                });
            }
            Mark::Fill { x, y, w, h, ink } => ops.extend([
                Op::SetFillColor { col: color(*ink) },
                Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(self.sheet.height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                },
            ]),
        }
    }
}

fn color(ink: Ink) -> Color {
    let (r, g, b) = ink.rgb();
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}
