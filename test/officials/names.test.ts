import { describe, expect, it } from 'vitest';
import { cleanPersonName, normalizePersonName, samePerson } from '../../src/extract/officials/index.js';

describe('cleanPersonName', () => {
  it.each([
    ['Dr. H. Romi Wijaya, S.Sos, M.Si', 'Romi Wijaya'],
    ['Hj. Sitti Rahmah, SE, MM', 'Sitti Rahmah'],
    ['Ir. Budi Hartono MT', 'Budi Hartono'],
    ['Prof. Dr. Ir. H. Anwar Lubis, M.Sc., Ph.D', 'Anwar Lubis'],
    ['dr. Lestari Wulandari, M.Kes', 'Lestari Wulandari'],
    ['KH. Zainal Abidin, Lc', 'Zainal Abidin'],
    ['K.H. Zainal Abidin, Lc., M.A', 'Zainal Abidin'],
    ['Drs. Yusran Hakim, M.AP', 'Yusran Hakim'],
    ['Tgk. Faisal Amri, S.Ag', 'Faisal Amri'],
    ['H Sandi Permana', 'Sandi Permana'],
    ['H. Sandi Permana', 'Sandi Permana'],
    ['AKBP Joko Susanto, S.I.K.', 'Joko Susanto'],
    ['Kombes Pol Joko Susanto', 'Joko Susanto'],
    ['Letkol Inf Dimas Prakoso', 'Dimas Prakoso'],
    ['Dra. Nurhayati, M.Pd', 'Nurhayati'],
    ['Apt. Rina Kusuma, S.Farm', 'Rina Kusuma'],
    ['Ns. Dedi Kurnia, S.Kep', 'Dedi Kurnia'],
    ['Drs. H. Muhammad Taufik, S.H., M.H.', 'Muhammad Taufik'],
    ['Syamsul Bahri SSTP MSi', 'Syamsul Bahri'],
    ['Syamsul Bahri, S.STP, M.Si', 'Syamsul Bahri'],
    ['Dr (HC) Arif Santoso', 'Arif Santoso'],
    ['drg. Maya Sari', 'Maya Sari'],
    ['Yunus Rante, S.Hut., M.Hum', 'Yunus Rante'],
    ['Rahmawati S.Pd.I', 'Rahmawati'],
    ['Gilang Ramadhan, S.Kom, MBA', 'Gilang Ramadhan'],
    ['Ahmad Hidayat, SKM, MPH', 'Ahmad Hidayat'],
    ['Teddy Saputra, S.T., M.T.', 'Teddy Saputra'],
    ['Bapak Hendra Gunawan', 'Hendra Gunawan'],
  ])('%s -> %s', (raw, clean) => {
    expect(cleanPersonName(raw)).toBe(clean);
  });

  it('keeps initials, particles and apostrophes that belong to the name', () => {
    expect(cleanPersonName('M. Haris')).toBe('M. Haris');
    expect(cleanPersonName('M Haris')).toBe('M Haris');
    expect(cleanPersonName('I Made Suarjana')).toBe('I Made Suarjana');
    expect(cleanPersonName('Rosna F. Lamadi')).toBe('Rosna F. Lamadi');
    expect(cleanPersonName("Dr. Ahmad Ma'ruf, M.Ag")).toBe("Ahmad Ma'ruf");
    expect(cleanPersonName('Andi Baso Tenri')).toBe('Andi Baso Tenri');
    expect(cleanPersonName('Yusuf bin Hamzah')).toBe('Yusuf bin Hamzah');
    expect(cleanPersonName('Lukas H.R. Sitompul')).toBe('Lukas H.R. Sitompul');
  });

  it('trims surrounding punctuation and whitespace', () => {
    expect(cleanPersonName('  Romi   Wijaya , ')).toBe('Romi Wijaya');
  });
});

describe('normalizePersonName', () => {
  it('lower-cases, drops punctuation, titles and degrees', () => {
    expect(normalizePersonName('Dr. H. Romi Wijaya, S.Sos, M.Si')).toBe('romi wijaya');
    expect(normalizePersonName("Ahmad Ma'ruf")).toBe('ahmad maruf');
    expect(normalizePersonName('M. Haris')).toBe('m haris');
    expect(normalizePersonName('Rosna F. Lamadi')).toBe('rosna f lamadi');
    expect(normalizePersonName('José Ramírez')).toBe('jose ramirez');
  });
});

describe('samePerson', () => {
  it.each([
    ['Harun Salampessy', 'Harun Salampessy'],
    ['Djamaludin Tuasikal', 'Djamaluddin Tuasikal'],
    ['M Rizal Effendi', 'Mohamad Rizal Effendi'],
    ['Muhammad Rizal Effendi', 'Mohammad Rizal Effendi'],
    ['Rizal Effendi', 'Mohamad Rizal Effendi'],
    ['Rizal', 'Mohamad Rizal Effendi'],
    ['Effendi', 'Mohamad Rizal Effendi'],
    ['Romi', 'Romi Wijaya'],
    ['Dr. H. Romi Wijaya, M.Si', 'romi wijaya'],
    ['M. Haris', 'M Haris'],
    ['Rosna F. Lamadi', 'Rosna Lamadi'],
    ['Rosna F Lamadi', 'Rosna F. Lamadi'],
    ['Samsul A. Kadir', 'Samsul Abdul Kadir'],
    ["Ahmad Ma'ruf", 'Achmad Maruf'],
    ['Made Suarjana', 'I Made Suarjana'],
    ['Yohanes Kambu', 'Yohanes Kambuu'],
  ])('%s ~ %s', (a, b) => {
    expect(samePerson(a, b)).toBe(true);
    expect(samePerson(b, a)).toBe(true);
  });

  it.each([
    ['Andi Seto', 'Andi Ony'],
    ['Ali Maulana', 'Ali Baham'],
    ['Muhammad Irfan', 'Muhammad Tandri'],
    ['M Haris', 'M Rizal Dauly'],
    ['M', 'M Haris'],
    ['Budi Santoso', 'Budi Susanto'],
    ['Rina', 'Rini Kusuma'],
    ['', 'Romi Wijaya'],
  ])('%s is not %s', (a, b) => {
    expect(samePerson(a, b)).toBe(false);
  });
});
