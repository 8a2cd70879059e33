//! Pictures on a page: the shop's logo, kept as plain RGB pixels (the logo is stored
//! flattened onto white, as it prints on white paper), shared between every mark that
//! shows it so a sheet of ten cards embeds it once.

use std::sync::Arc;

use super::layout::Mark;

/// An RGB picture, 8 bits a channel, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// `width × height × 3` bytes.
    pub rgb: Arc<Vec<u8>>,
}

impl Picture {
    /// A picture from raw RGB rows; `None` when the bytes do not match the size.
    pub fn from_rgb(width: u32, height: u32, rgb: Vec<u8>) -> Option<Self> {
        let expected = (width as usize)
            .checked_mul(height as usize)?
            .checked_mul(3)?;
        (width > 0 && height > 0 && rgb.len() == expected).then(|| Picture {
            width,
            height,
            rgb: Arc::new(rgb),
        })
    }

    /// The largest size that fits `max_w × max_h` points, keeping the picture's shape.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let scale = (max_w / self.width as f32).min(max_h / self.height as f32);
        (self.width as f32 * scale, self.height as f32 * scale)
    }

    /// A mark showing the picture fitted into `max_w × max_h` at (`x`, `y`), top-left.
    pub fn mark(&self, x: f32, y: f32, max_w: f32, max_h: f32) -> Mark {
        let (w, h) = self.fit(max_w, max_h);
        Mark::Image {
            x,
            y,
            w,
            h,
            picture: self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_logo_fits_by_its_width_and_keeps_its_shape() {
        let p = Picture::from_rgb(400, 100, vec![255; 400 * 100 * 3]).unwrap();
        assert_eq!(p.fit(100.0, 40.0), (100.0, 25.0));
        assert_eq!(p.fit(400.0, 20.0), (80.0, 20.0));
        assert!(Picture::from_rgb(2, 2, vec![0; 5]).is_none());
    }
}
