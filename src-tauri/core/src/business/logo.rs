//! The shop's logo: chosen as PNG, JPEG or SVG, checked, scaled to fit 800 × 400 pixels,
//! flattened onto white (it prints on white paper, and a PDF then needs no transparency)
//! and stored as one PNG, so every document embeds it the same way.

use std::io::Cursor;

use base64::Engine as _;
use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage, RgbaImage};
use serde::Serialize;
use ts_rs::TS;

use crate::audit::AuditEntity;
use crate::documents::engine::picture::Picture;
use crate::error::{Field, FieldError, Problem};
use crate::{store, Actor, Desk, Error, Result};

/// The largest file taken: a logo, not a photograph.
pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;
/// What a stored logo fits in, in pixels: sharp at 300 dpi across the width of a letterhead.
const BOX: (u32, u32) = (800, 400);
/// Smaller than this on either side is an icon, not a logo.
const MIN_SIDE: u32 = 16;

/// The logo as the profile screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogoView {
    pub width: u32,
    pub height: u32,
    /// `data:image/png;base64,…`, for an `<img>` (the window's policy allows data: images).
    pub data_url: String,
}

fn refused(says: &'static str) -> FieldError {
    FieldError::new(Field::Logo, Problem::Rule { says })
}

/// `bytes` (a PNG, JPEG or SVG file) checked and made into the PNG the store keeps.
pub fn prepare_logo(bytes: &[u8]) -> Result<Vec<u8>, FieldError> {
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(refused(
            "The logo file is over 2 MB: save it smaller and choose it again.",
        ));
    }
    let rgba = if looks_like_svg(bytes) {
        svg_pixels(bytes)?
    } else {
        bitmap_pixels(bytes)?
    };
    if rgba.width() < MIN_SIDE || rgba.height() < MIN_SIDE {
        return Err(refused(
            "The logo is too small: at least 16 pixels each way.",
        ));
    }
    let fitted = DynamicImage::ImageRgba8(rgba)
        .resize(BOX.0, BOX.1, image::imageops::FilterType::Lanczos3)
        .to_rgba8();
    let flat = on_white(&fitted);
    let mut png = Vec::new();
    DynamicImage::ImageRgb8(flat)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| refused("The logo could not be saved as a picture."))?;
    Ok(png)
}

/// The stored PNG as pixels a document paints; `None` if it cannot be read (never written
/// by us that way; a document then prints without it).
pub fn logo_picture(png: &[u8]) -> Option<Picture> {
    let image = image::load_from_memory_with_format(png, ImageFormat::Png).ok()?;
    let rgb = image.to_rgb8();
    Picture::from_rgb(rgb.width(), rgb.height(), rgb.into_raw())
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && head.contains("<svg")
}

/// A PNG or JPEG decoded, its size checked before any pixel is (a small file can claim to
/// be enormous).
fn bitmap_pixels(bytes: &[u8]) -> Result<RgbaImage, FieldError> {
    let not_a_logo = || refused("The logo must be a PNG, JPEG or SVG picture.");
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_a_logo())?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(not_a_logo());
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(10_000);
    limits.max_image_height = Some(10_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader.decode().map(|i| i.to_rgba8()).map_err(|_| {
        refused("The logo could not be read: it is damaged, or larger than 10,000 pixels.")
    })
}

/// An SVG drawn at a size that fills the box, through resvg.
fn svg_pixels(bytes: &[u8]) -> Result<RgbaImage, FieldError> {
    let tree = resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default())
        .map_err(|_| refused("The SVG logo could not be read."))?;
    let size = tree.size();
    let scale = (BOX.0 as f32 / size.width()).min(BOX.1 as f32 / size.height());
    if !scale.is_finite() || scale <= 0.0 {
        return Err(refused("The SVG logo has no size."));
    }
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| refused("The SVG logo has no size."))?;
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // tiny-skia keeps premultiplied alpha; the image crate wants it straight.
    let straight: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    RgbaImage::from_raw(pixmap.width(), pixmap.height(), straight)
        .ok_or_else(|| refused("The SVG logo could not be drawn."))
}

/// Transparent parts become the paper's white.
fn on_white(rgba: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            ((c * a + 255 * (255 - a) + 127) / 255) as u8
        };
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn view(png: &[u8]) -> Option<LogoView> {
    let picture = logo_picture(png)?;
    Some(LogoView {
        width: picture.width,
        height: picture.height,
        data_url: format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(png)
        ),
    })
}

impl Desk {
    /// The shop's logo, if one was chosen.
    pub async fn logo(&self) -> Result<Option<LogoView>> {
        let mut conn = self.pools.reader.acquire().await?;
        let png = store::business::logo(&mut conn).await?;
        Ok(png.as_deref().and_then(view))
    }

    /// The stored logo as pixels for a document, if there is one.
    pub(crate) async fn logo_picture(&self) -> Result<Option<Picture>> {
        let mut conn = self.pools.reader.acquire().await?;
        let png = store::business::logo(&mut conn).await?;
        Ok(png.as_deref().and_then(logo_picture))
    }

    /// Checks `bytes` (PNG, JPEG or SVG), scales it and stores it as the shop's logo.
    pub async fn set_logo(&self, bytes: &[u8], actor: &Actor) -> Result<LogoView> {
        self.require_profile().await?;
        let png = prepare_logo(bytes)?;
        let shown = view(&png).ok_or(Error::Invalid(refused("The logo could not be read.")))?;
        let size = (shown.width, shown.height);
        self.transact(actor, async |tx| {
            store::business::set_logo(tx, Some(&png)).await?;
            // The pixels stay out of the log; their size says which logo it was.
            tx.audit(
                AuditEntity::BusinessProfile,
                1,
                "logo",
                None::<&()>,
                Some(&size),
            )
            .await
        })
        .await?;
        Ok(shown)
    }

    /// Reads the file at `path` and makes it the shop's logo ([`Desk::set_logo`]); a file
    /// too large is refused before it is read.
    pub async fn set_logo_file(&self, path: &std::path::Path, actor: &Actor) -> Result<LogoView> {
        let unreadable = || refused("The logo file could not be read.");
        let size = std::fs::metadata(path).map_err(|_| unreadable())?.len();
        if size > LOGO_MAX_BYTES as u64 {
            return Err(refused(
                "The logo file is over 2 MB: save it smaller and choose it again.",
            )
            .into());
        }
        let bytes = std::fs::read(path).map_err(|_| unreadable())?;
        self.set_logo(&bytes, actor).await
    }

    /// Removes the shop's logo; documents print without one.
    pub async fn remove_logo(&self, actor: &Actor) -> Result<()> {
        self.transact(actor, async |tx| {
            store::business::set_logo(tx, None).await?;
            tx.audit(
                AuditEntity::BusinessProfile,
                1,
                "remove_logo",
                None::<&()>,
                None::<&()>,
            )
            .await
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbaImage::from_pixel(w, h, image::Rgba([200, 30, 30, 128]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_big_png_is_scaled_into_the_box_and_flattened_onto_white() {
        let stored = prepare_logo(&png(1600, 400)).unwrap();
        let picture = logo_picture(&stored).unwrap();
        assert_eq!((picture.width, picture.height), (800, 200));
        // Half-transparent red over white.
        assert_eq!(&picture.rgb[..3], &[227, 142, 142]);
    }

    #[test]
    fn an_svg_is_drawn_to_fill_the_box() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1e4570"/></svg>"##;
        let picture = logo_picture(&prepare_logo(svg).unwrap()).unwrap();
        assert_eq!((picture.width, picture.height), (800, 400));
        assert_eq!(&picture.rgb[..3], &[0x1e, 0x45, 0x70]);
    }

    #[test]
    fn what_is_not_a_logo_is_refused_beside_the_field() {
        for bad in [
            b"GIF89a not a logo".to_vec(),
            b"plain text".to_vec(),
            png(8, 8),
            vec![0; LOGO_MAX_BYTES + 1],
            br#"<svg xmlns="http://www.w3.org/2000/svg"><rect"#.to_vec(),
        ] {
            let err = prepare_logo(&bad).unwrap_err();
            assert_eq!(err.field, Field::Logo, "{err}");
        }
    }
}
