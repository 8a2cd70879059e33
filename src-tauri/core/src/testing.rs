//! Helpers for tests: a fresh [`Desk`] on a temporary folder, and input builders.

use crate::business::BusinessProfileInput;
use crate::partners::PartnerInput;
use crate::{Actor, Desk};

/// A desk on its own temporary folder, deleted when dropped.
pub struct TestDesk {
    pub desk: Desk,
    pub dir: tempfile::TempDir,
}

impl std::ops::Deref for TestDesk {
    type Target = Desk;
    fn deref(&self) -> &Desk {
        &self.desk
    }
}

/// A new, empty desk.
pub async fn empty_desk() -> TestDesk {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::open(dir.path()).await.expect("open desk");
    TestDesk { desk, dir }
}

/// A new desk with a business profile saved.
pub async fn desk_with_profile() -> TestDesk {
    let t = empty_desk().await;
    t.desk
        .save_profile(&profile(), &Actor::owner())
        .await
        .expect("save profile");
    t
}

/// A valid business profile.
pub fn profile() -> BusinessProfileInput {
    BusinessProfileInput {
        name: "Bean There Coffee".into(),
        address: "12 Mill Lane".into(),
        email: "hello@beanthere.example".into(),
        phone: "+44 20 7946 0018".into(),
        tax_id: "GB123456789".into(),
        currency: "EUR".into(),
        locale: "en-IE".into(),
    }
}

/// A valid partner input named `name`.
pub fn partner(name: &str) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        category: "Bakery".into(),
        email: "hello@partner.example".into(),
        website: "partner.example".into(),
        ..Default::default()
    }
}
