// Throwaway: cost of reading a testimony's passages.
use std::time::Instant;
fn main() -> anyhow::Result<()> {
    let dir = std::env::var("SR_ARCHIVE")?;
    let a = tanu::Archive::open(std::path::Path::new(&dir))?;
    let s = a.store();
    let ids = s.testimony_ids()?;
    let mut bytes = 0usize;
    let t0 = Instant::now();
    for (num, _) in &ids {
        let segs = s.segments(*num)?;
        bytes += segs.iter().map(|x| x.text.len()).sum::<usize>();
    }
    let el = t0.elapsed();
    println!(
        "{} testimonies, {:.1} MB text, {:.3} s, {:.1} us per testimony, {:.0} MB/s",
        ids.len(),
        bytes as f64 / 1e6,
        el.as_secs_f64(),
        el.as_secs_f64() * 1e6 / ids.len() as f64,
        bytes as f64 / 1e6 / el.as_secs_f64()
    );
    Ok(())
}
