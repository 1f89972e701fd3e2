import { findDates, parseDateline } from '../src/extract/dates/index.js';
const t = 'KENDARI, KOMPAS - Rabu (17/1/2024) pukul 10. Senin, 30 Oktober 2023 lalu; Oktober 30, 2023; 30 Okt. 2023; Minggu (15/9) dan (30/10/23), 17 Januari, pada Kamis, minggu lalu Minggu lalu; 2024-05-21T10:00; 21-05-2024, 21/05/2024, 21.05.2024, 31/2/2024, 28 Desember, Jumat, 2 Februari, November 18, 2019.';
for (const m of findDates(t, { reference: '2024-01-05' })) console.log(JSON.stringify(m), t.slice(m.start, m.end));
console.log(parseDateline('Selasa, 21 Mei 2024 19:21 0 201 Patricia'));
