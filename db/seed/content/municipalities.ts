// Local units added to the 45 GeoNames places (shared/geo/places.json) so that every programme country has at
// least six municipalities and the four documented practices have a realistic set of neighbouring units.
// Coordinates are approximate town centres (2–4 decimals). Each point was checked to lie inside the polygon of
// its admin1Code in shared/geo/admin1.geojson (and, for the Philippines, inside its province in
// phl_provinces.geojson); a few coastal or riverside towns were nudged inland to stay inside the simplified
// Natural Earth outlines.
import type { ExtraMunicipalityContent } from './types';

export const extraMunicipalities: ExtraMunicipalityContent[] = [
  // Costa Rica: Alajuela province (Huetar Norte border cantons around Upala, and the western Central Valley)
  { code: 'CRI-los-chiles', name: 'Los Chiles', iso3: 'CRI', admin1Code: 'CR-A', lat: 11.0333, lon: -84.7133 },
  { code: 'CRI-guatuso', name: 'Guatuso', iso3: 'CRI', admin1Code: 'CR-A', lat: 10.6717, lon: -84.8222 },
  { code: 'CRI-san-carlos', name: 'San Carlos', iso3: 'CRI', admin1Code: 'CR-A', lat: 10.3238, lon: -84.4271 },
  { code: 'CRI-grecia', name: 'Grecia', iso3: 'CRI', admin1Code: 'CR-A', lat: 10.0731, lon: -84.3117 },
  { code: 'CRI-san-ramon', name: 'San Ramón', iso3: 'CRI', admin1Code: 'CR-A', lat: 10.0872, lon: -84.4703 },

  // Ecuador: cantons of Pichincha province
  { code: 'ECU-cayambe', name: 'Cayambe', iso3: 'ECU', admin1Code: 'EC-P', lat: 0.0406, lon: -78.1456 },
  { code: 'ECU-mejia', name: 'Mejía', iso3: 'ECU', admin1Code: 'EC-P', lat: -0.51, lon: -78.5671 },
  { code: 'ECU-ruminahui', name: 'Rumiñahui', iso3: 'ECU', admin1Code: 'EC-P', lat: -0.3126, lon: -78.4453 },
  { code: 'ECU-pedro-moncayo', name: 'Pedro Moncayo', iso3: 'ECU', admin1Code: 'EC-P', lat: 0.0496, lon: -78.2186 },
  {
    code: 'ECU-san-miguel-de-los-bancos',
    name: 'San Miguel de los Bancos',
    iso3: 'ECU',
    admin1Code: 'EC-P',
    lat: 0.0219,
    lon: -78.8947,
  },

  // Philippines: Bicol Region (Camarines Sur, Albay, Sorsogon)
  {
    code: 'PHL-pili',
    name: 'Pili',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-CAS',
    lat: 13.5547,
    lon: 123.2748,
  },
  {
    code: 'PHL-iriga-city',
    name: 'Iriga City',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-CAS',
    lat: 13.4231,
    lon: 123.4122,
  },
  {
    code: 'PHL-libmanan',
    name: 'Libmanan',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-CAS',
    lat: 13.6964,
    lon: 123.06,
  },
  {
    code: 'PHL-calabanga',
    name: 'Calabanga',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-CAS',
    lat: 13.7086,
    lon: 123.2158,
  },
  {
    code: 'PHL-tabaco-city',
    name: 'Tabaco City',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-ALB',
    lat: 13.355,
    lon: 123.72,
  },
  {
    code: 'PHL-ligao-city',
    name: 'Ligao City',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-ALB',
    lat: 13.22,
    lon: 123.5231,
  },
  {
    code: 'PHL-daraga',
    name: 'Daraga',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-ALB',
    lat: 13.1486,
    lon: 123.7125,
  },
  {
    code: 'PHL-sorsogon-city',
    name: 'Sorsogon City',
    iso3: 'PHL',
    admin1Code: 'PH-05',
    provinceCode: 'PH-SOR',
    lat: 12.9742,
    lon: 124.0058,
  },

  // Senegal: communes of Sédhiou region
  { code: 'SEN-bounkiling', name: 'Bounkiling', iso3: 'SEN', admin1Code: 'SN-SE', lat: 13.0417, lon: -15.7014 },
  { code: 'SEN-goudomp', name: 'Goudomp', iso3: 'SEN', admin1Code: 'SN-SE', lat: 12.565, lon: -15.875 },
  { code: 'SEN-marsassoum', name: 'Marsassoum', iso3: 'SEN', admin1Code: 'SN-SE', lat: 12.8275, lon: -15.98 },
  { code: 'SEN-diattacounda', name: 'Diattacounda', iso3: 'SEN', admin1Code: 'SN-SE', lat: 12.545, lon: -15.68 },

  // El Salvador: municipalities with strong ties to the diaspora
  { code: 'SLV-intipuca', name: 'Intipucá', iso3: 'SLV', admin1Code: 'SV-UN', lat: 13.195, lon: -88.054 },
  { code: 'SLV-chalatenango', name: 'Chalatenango', iso3: 'SLV', admin1Code: 'SV-CH', lat: 14.0333, lon: -88.9333 },

  // Morocco (legacy pre-2015 regions of admin1.geojson): Oriental, Tadla-Azilal
  { code: 'MAR-nador', name: 'Nador', iso3: 'MAR', admin1Code: 'MAR-1454', lat: 35.1681, lon: -2.9335 },
  { code: 'MAR-beni-mellal', name: 'Beni Mellal', iso3: 'MAR', admin1Code: 'MAR-1453', lat: 32.3373, lon: -6.3498 },

  // Nepal (legacy zones of admin1.geojson): Lumbini, Narayani
  { code: 'NPL-butwal', name: 'Butwal', iso3: 'NPL', admin1Code: 'NPL-1127', lat: 27.7006, lon: 83.4483 },
  { code: 'NPL-birgunj', name: 'Birgunj', iso3: 'NPL', admin1Code: 'NPL-1132', lat: 27.0104, lon: 84.8777 },

  // Tunisia: Médenine and Kasserine governorates
  { code: 'TUN-zarzis', name: 'Zarzis', iso3: 'TUN', admin1Code: 'TN-82', lat: 33.5036, lon: 11.1122 },
  { code: 'TUN-kasserine', name: 'Kasserine', iso3: 'TUN', admin1Code: 'TN-42', lat: 35.1676, lon: 8.8365 },
];
