/** "Today" in every test: the seed's eight quarters are 2024Q4–2026Q3. */
export const TEST_AS_OF = new Date('2026-11-28T12:00:00Z');
