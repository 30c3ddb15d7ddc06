// Indicator metadata of the demo programme: themes, disaggregation categories and the indicators that
// municipalities, regional councils and national commissions report every quarter (or every year).
// `typical` is the size of ONE unit's value in ONE period; the demo data generator draws around it.
import type { CategoryContent, DisaggregationContent, IndicatorContent, Text, ThemeContent } from './types';

const t = (en: string, es: string, fr: string): Text => ({ en, es, fr });

// Units of measure shared by several indicators.
const PEOPLE = t('people', 'personas', 'personnes');
const YES_NO = t('yes/no', 'sí/no', 'oui/non');
const STAGE = t('stage (0–4)', 'etapa (0–4)', 'étape (0–4)');
const PERCENT = t('%', '%', '%');
const MEETINGS = t('meetings', 'reuniones', 'réunions');

export const themes: ThemeContent[] = [
  {
    code: 'RIGHTS',
    name: t(
      "Migrants' rights and protection",
      'Derechos y protección de las personas migrantes',
      'Droits et protection des personnes migrantes',
    ),
    description: t(
      'Protecting the rights of migrants, returnees and their families, with particular attention to women, ' +
        'children and people in transit.',
      'Protección de los derechos de las personas migrantes, retornadas y sus familias, con especial atención a ' +
        'las mujeres, la niñez y las personas en tránsito.',
      'Protection des droits des personnes migrantes, des personnes de retour et de leurs familles, avec une ' +
        'attention particulière aux femmes, aux enfants et aux personnes en transit.',
    ),
  },
  {
    code: 'SERVICES',
    name: t('Access to services', 'Acceso a servicios', 'Accès aux services'),
    description: t(
      'Help offices, mobility units and referral pathways that open health, legal, social and employment ' +
        'services to migrants and their families.',
      'Oficinas de atención, unidades de movilidad y rutas de derivación que abren los servicios de salud, ' +
        'jurídicos, sociales y de empleo a las personas migrantes y sus familias.',
      "Bureaux d'accueil, unités de mobilité et circuits d'orientation qui ouvrent aux personnes migrantes et à " +
        "leurs familles l'accès aux services de santé, juridiques, sociaux et d'emploi.",
    ),
  },
  {
    code: 'COHESION',
    name: t(
      'Social cohesion and anti-xenophobia',
      'Cohesión social y lucha contra la xenofobia',
      'Cohésion sociale et lutte contre la xénophobie',
    ),
    description: t(
      'Campaigns, anti-rumour networks and community activities that counter xenophobia and bring migrants and ' +
        'host communities together.',
      'Campañas, redes antirrumores y actividades comunitarias que combaten la xenofobia y acercan a la población ' +
        'migrante y a las comunidades de acogida.',
      'Campagnes, réseaux anti-rumeurs et activités de quartier qui combattent la xénophobie et rapprochent les ' +
        "personnes migrantes et les communautés d'accueil.",
    ),
  },
  {
    code: 'DIASPORA',
    name: t(
      'Diaspora engagement and investment',
      'Participación e inversión de la diáspora',
      'Engagement et investissement de la diaspora',
    ),
    description: t(
      'Involving the diaspora in local planning and channelling its skills, savings and investment into local ' +
        'development.',
      'Participación de la diáspora en la planificación local y canalización de sus conocimientos, ahorros e ' +
        'inversiones hacia el desarrollo local.',
      'Associer la diaspora à la planification locale et orienter ses compétences, son épargne et ses ' +
        'investissements vers le développement local.',
    ),
  },
  {
    code: 'GOVERNANCE',
    name: t(
      'Mainstreaming migration into local development',
      'Integración de la migración en el desarrollo local',
      'Intégration de la migration dans le développement local',
    ),
    description: t(
      'Migration councils, local development plans and municipal budgets that take migration into account, so ' +
        'that it becomes part of ordinary local policy.',
      'Consejos de migración, planes de desarrollo local y presupuestos municipales que tienen en cuenta la ' +
        'migración, para que forme parte de la política local ordinaria.',
      'Conseils consultatifs sur la migration, plans de développement local et budgets communaux qui prennent en ' +
        "compte la migration, afin qu'elle fasse partie des politiques locales ordinaires.",
    ),
  },
  {
    code: 'COORDINATION',
    name: t('Multi-level coordination', 'Coordinación multinivel', 'Coordination multiniveau'),
    description: t(
      'Links between municipalities, regional councils and national institutions: data flows up, support and ' +
        'feedback flow down.',
      'Vínculos entre municipios, consejos regionales e instituciones nacionales: los datos suben, el apoyo y la ' +
        'retroalimentación bajan.',
      'Liens entre communes, conseils régionaux et institutions nationales : les données remontent, ' +
        "l'appui et les retours redescendent.",
    ),
  },
  {
    code: 'CAPACITY',
    name: t('Capacity building', 'Fortalecimiento de capacidades', 'Renforcement des capacités'),
    description: t(
      'Training and coaching of local officials, service staff and community agents on migration and development.',
      'Formación y acompañamiento del personal municipal, de los servicios públicos y de agentes comunitarios en ' +
        'migración y desarrollo.',
      'Formation et accompagnement des élus et agents locaux, du personnel des services et des relais ' +
        'communautaires en matière de migration et de développement.',
    ),
  },
];

export const categories: CategoryContent[] = [
  {
    code: 'SEX',
    name: t('Sex', 'Sexo', 'Sexe'),
    options: [
      { code: 'F', name: t('Female', 'Mujer', 'Femme') },
      { code: 'M', name: t('Male', 'Hombre', 'Homme') },
    ],
  },
  {
    code: 'AGE',
    name: t('Age group', 'Grupo de edad', "Tranche d'âge"),
    options: [
      { code: 'Y0_17', name: t('0–17 years', '0 a 17 años', '0 à 17 ans') },
      { code: 'Y18_59', name: t('18–59 years', '18 a 59 años', '18 à 59 ans') },
      { code: 'Y60P', name: t('60 years and over', '60 años y más', '60 ans et plus') },
    ],
  },
  {
    code: 'MIG_STATUS',
    name: t('Migration status', 'Situación migratoria', 'Statut migratoire'),
    options: [
      { code: 'IMMIGRANT', name: t('Immigrant', 'Persona inmigrante', 'Personne immigrée') },
      { code: 'RETURNEE', name: t('Returnee', 'Persona retornada', 'Personne de retour') },
      { code: 'TRANSIT', name: t('Migrant in transit', 'Persona en tránsito', 'Personne en transit') },
      {
        code: 'REFUGEE',
        name: t(
          'Refugee or asylum seeker',
          'Persona refugiada o solicitante de asilo',
          "Personne réfugiée ou demandeuse d'asile",
        ),
      },
      {
        code: 'FAMILY_EMIGRANT',
        name: t(
          'Family member of an emigrant',
          'Familiar de una persona emigrada',
          "Membre de la famille d'une personne émigrée",
        ),
      },
    ],
  },
];

export const disaggregations: DisaggregationContent[] = [
  {
    code: 'SEX',
    name: t('By sex', 'Por sexo', 'Par sexe'),
    categories: ['SEX'],
  },
  {
    code: 'SEX_AGE_STATUS',
    name: t(
      'By sex, age group and migration status',
      'Por sexo, grupo de edad y situación migratoria',
      "Par sexe, tranche d'âge et statut migratoire",
    ),
    categories: ['SEX', 'AGE', 'MIG_STATUS'],
  },
];

export const indicators: IndicatorContent[] = [
  // --- Access to services -----------------------------------------------------------------------------------
  {
    code: 'MIG_SERVED',
    name: t(
      'Migrants and family members served by help offices and mobility units',
      'Personas migrantes y familiares atendidos por oficinas de atención y unidades de movilidad',
      "Personnes migrantes et membres de leur famille reçus par les bureaux d'accueil et unités de mobilité",
    ),
    shortName: t('People served', 'Personas atendidas', 'Personnes reçues'),
    description: t(
      'Number of people who received information, counselling or case management at a municipal help office, ' +
        'human mobility unit or migrant resource centre during the quarter. Each person is counted once per ' +
        'quarter, whatever the number of visits.',
      'Número de personas que recibieron información, orientación o acompañamiento de su caso en una oficina ' +
        'municipal de atención, unidad de movilidad humana o centro de recursos para migrantes durante el ' +
        'trimestre. Cada persona se cuenta una sola vez por trimestre, sin importar el número de visitas.',
      "Nombre de personnes ayant reçu une information, un conseil ou un suivi de dossier dans un bureau d'accueil " +
        'communal, une unité de mobilité humaine ou un centre de ressources pour migrants au cours du trimestre. ' +
        'Chaque personne est comptée une seule fois par trimestre, quel que soit le nombre de visites.',
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'SERVICES',
    disaggregation: 'SEX_AGE_STATUS',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 180, min: 20, max: 600 },
  },
  {
    code: 'REFERRALS',
    name: t(
      'Referrals of migrants to health, legal and social services',
      'Derivaciones de personas migrantes a servicios de salud, jurídicos y sociales',
      'Orientations de personnes migrantes vers les services de santé, juridiques et sociaux',
    ),
    shortName: t('Referrals', 'Derivaciones', 'Orientations'),
    description: t(
      'Referrals made by the help office to a health centre, legal aid provider or social service and ' +
        'confirmed by the receiving service.',
      'Derivaciones realizadas por la oficina de atención a un centro de salud, a un servicio de asistencia ' +
        'jurídica o a un servicio social y confirmadas por el servicio receptor.',
      "Orientations faites par le bureau d'accueil vers un centre de santé, une structure d'aide juridique ou un " +
        'service social, et confirmées par le service qui les reçoit.',
    ),
    unit: t('referrals', 'derivaciones', 'orientations'),
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'SERVICES',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 60, min: 5, max: 250 },
  },
  {
    code: 'HELP_OFFICE',
    name: t(
      'Help office for migrants operating',
      'Oficina de atención a personas migrantes en funcionamiento',
      "Bureau d'accueil des migrants en fonctionnement",
    ),
    shortName: t('Help office open', 'Oficina abierta', 'Bureau ouvert'),
    description: t(
      'Whether the municipality has a help office, human mobility unit or migrant resource centre open at least ' +
        'three days a week with trained staff throughout the quarter. Aggregated as the number of units with an ' +
        'operating office.',
      'Indica si el municipio cuenta con una oficina de atención, unidad de movilidad humana o centro de ' +
        'recursos abierto al menos tres días por semana y con personal capacitado durante todo el trimestre. Se ' +
        'agrega como el número de unidades con una oficina en funcionamiento.',
      "Indique si la commune dispose d'un bureau d'accueil, d'une unité de mobilité humaine ou d'un centre de " +
        'ressources ouvert au moins trois jours par semaine, avec un personnel formé, pendant tout le trimestre. ' +
        "S'agrège en nombre d'unités disposant d'un bureau en fonctionnement.",
    ),
    unit: YES_NO,
    valueType: 'yes_no',
    aggregationType: 'count',
    direction: 'higher',
    theme: 'SERVICES',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    countThreshold: 1,
    typical: { value: 1, min: 0, max: 1 },
  },
  {
    code: 'SATISFACTION',
    name: t(
      'Service-user satisfaction score',
      'Puntuación de satisfacción de las personas usuarias',
      'Score de satisfaction des usagers',
    ),
    shortName: t('User satisfaction', 'Satisfacción', 'Satisfaction'),
    description: t(
      'Average score given by users in the short exit survey of the help office, on a scale from 1 (very ' +
        'dissatisfied) to 5 (very satisfied).',
      'Puntuación media otorgada por las personas usuarias en la breve encuesta de salida de la oficina de ' +
        'atención, en una escala de 1 (muy insatisfecha) a 5 (muy satisfecha).',
      "Note moyenne donnée par les usagers dans le court questionnaire de sortie du bureau d'accueil, sur une " +
        'échelle de 1 (très insatisfait) à 5 (très satisfait).',
    ),
    unit: t('points (1–5)', 'puntos (1–5)', 'points (1 à 5)'),
    valueType: 'number',
    aggregationType: 'average',
    direction: 'higher',
    theme: 'SERVICES',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 4.1, min: 2.5, max: 5 },
  },
  {
    code: 'LIVELIHOOD',
    name: t(
      'Returnees and migrants supported into work or self-employment',
      'Personas retornadas y migrantes apoyadas para acceder a un empleo o emprender',
      'Personnes de retour et migrantes accompagnées vers un emploi ou une activité indépendante',
    ),
    shortName: t('Into work', 'Empleo y emprendimiento', 'Emploi et activité'),
    description: t(
      'People who, after job counselling, vocational training or a start-up grant, took up a job or opened a ' +
        'business during the quarter.',
      'Personas que, tras recibir orientación laboral, formación profesional o un capital semilla, consiguieron ' +
        'un empleo o abrieron un negocio durante el trimestre.',
      "Personnes qui, après un accompagnement à l'emploi, une formation professionnelle ou une aide au démarrage, " +
        'ont obtenu un emploi ou créé une activité au cours du trimestre.',
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'SERVICES',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 20, min: 0, max: 90 },
  },

  // --- Migrants' rights and protection ----------------------------------------------------------------------
  {
    code: 'WOMEN_SHELTERED',
    name: t(
      "Women sheltered and supported by the House of Women's Rights",
      'Mujeres acogidas y acompañadas por la Casa de Derechos de las Mujeres',
      'Femmes hébergées et accompagnées par la Maison des droits des femmes',
    ),
    shortName: t('Women sheltered', 'Mujeres acogidas', 'Femmes hébergées'),
    description: t(
      'Migrant and local women, survivors of violence or at risk, who were given temporary shelter and ' +
        'psychosocial and legal support during the quarter.',
      'Mujeres migrantes y locales, sobrevivientes de violencia o en situación de riesgo, que recibieron ' +
        'albergue temporal y acompañamiento psicosocial y jurídico durante el trimestre.',
      "Femmes migrantes et locales, victimes de violences ou en situation de risque, ayant bénéficié d'un " +
        "hébergement temporaire et d'un accompagnement psychosocial et juridique au cours du trimestre.",
    ),
    unit: t('women', 'mujeres', 'femmes'),
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'RIGHTS',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 14, min: 0, max: 50 },
  },
  {
    code: 'STATUS_DOCS',
    name: t(
      'Migratory status documents facilitated',
      'Documentos de estatus migratorio facilitados',
      'Titres de séjour et documents de statut migratoire facilités',
    ),
    shortName: t('Status documents', 'Documentos migratorios', 'Documents de statut'),
    description: t(
      'Residence permits, transborder worker cards and other status documents obtained with the help of the ' +
        'municipality (information, paperwork, fee waivers or mobile registration days).',
      'Permisos de residencia, carnés de trabajador transfronterizo y otros documentos de estatus obtenidos con ' +
        'el apoyo del municipio (información, trámites, exoneración de tasas o jornadas móviles de registro).',
      'Titres de séjour, cartes de travailleur transfrontalier et autres documents de statut obtenus avec ' +
        "l'appui de la commune (information, démarches, exonération de frais ou journées mobiles " +
        "d'enregistrement).",
    ),
    unit: t('documents', 'documentos', 'documents'),
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'RIGHTS',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 40, min: 0, max: 200 },
  },
  {
    code: 'DOC_WAIT_DAYS',
    name: t(
      'Average waiting time for a status document',
      'Tiempo medio de espera de un documento migratorio',
      "Délai moyen d'obtention d'un document de statut",
    ),
    shortName: t('Waiting time', 'Tiempo de espera', "Délai d'attente"),
    description: t(
      'Average number of calendar days between a complete application filed through the municipality and the ' +
        'delivery of the document. Lower is better.',
      'Número medio de días naturales entre la presentación de una solicitud completa por medio del municipio y ' +
        'la entrega del documento. Cuanto menor, mejor.',
      "Nombre moyen de jours calendaires entre le dépôt d'un dossier complet par l'intermédiaire de la commune et " +
        "la remise du document. Plus il est bas, mieux c'est.",
    ),
    unit: t('days', 'días', 'jours'),
    valueType: 'number',
    aggregationType: 'average',
    direction: 'lower',
    theme: 'RIGHTS',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 30, min: 7, max: 90 },
  },
  {
    code: 'TRANSIT_PEAK',
    name: t(
      'Peak number of people in transit hosted in one night',
      'Número máximo de personas en tránsito alojadas en una noche',
      'Nombre maximal de personnes en transit hébergées en une nuit',
    ),
    shortName: t('Transit peak', 'Pico de tránsito', 'Pic de transit'),
    description: t(
      'Highest number of people in transit given emergency accommodation in a single night in shelters run or ' +
        'supported by the municipality during the quarter. Aggregated as the maximum, never summed.',
      'Mayor número de personas en tránsito que recibieron alojamiento de emergencia en una sola noche en ' +
        'albergues gestionados o apoyados por el municipio durante el trimestre. Se agrega como máximo, nunca se ' +
        'suma.',
      "Nombre le plus élevé de personnes en transit ayant reçu un hébergement d'urgence en une seule nuit dans " +
        'des centres gérés ou soutenus par la commune au cours du trimestre. Agrégé par le maximum, jamais ' +
        'additionné.',
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'max',
    direction: 'higher',
    theme: 'RIGHTS',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 35, min: 0, max: 250 },
  },

  // --- Social cohesion and anti-xenophobia ------------------------------------------------------------------
  {
    code: 'ANTIRUMOUR_AGENTS',
    name: t('Anti-rumour agents trained', 'Agentes antirrumores formados', 'Agents anti-rumeurs formés'),
    shortName: t('Anti-rumour agents', 'Agentes antirrumores', 'Agents anti-rumeurs'),
    description: t(
      'Volunteers, teachers, journalists and community leaders who completed the anti-rumour training and ' +
        'committed to countering prejudice about migrants in their surroundings.',
      'Personas voluntarias, docentes, periodistas y líderes comunitarios que completaron la formación ' +
        'antirrumores y se comprometieron a desmontar los prejuicios sobre la población migrante en su entorno.',
      'Bénévoles, enseignants, journalistes et responsables associatifs ayant suivi la formation anti-rumeurs ' +
        "et s'étant engagés à déconstruire les préjugés sur les personnes migrantes dans leur entourage.",
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'COHESION',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 15, min: 0, max: 60 },
  },
  {
    code: 'CAMPAIGN_REACH',
    name: t(
      'Residents reached by the anti-xenophobia campaign',
      'Habitantes alcanzados por la campaña contra la xenofobia',
      'Habitants touchés par la campagne contre la xénophobie',
    ),
    shortName: t('Campaign reach', 'Alcance de la campaña', 'Portée de la campagne'),
    description: t(
      'Residents who took part in campaign events, school sessions or neighbourhood activities, plus unique ' +
        'local visitors to the campaign pages. Broadcast audiences are not counted.',
      'Habitantes que participaron en actos de la campaña, sesiones escolares o actividades barriales, más ' +
        'los visitantes locales únicos de las páginas de la campaña. No se cuentan las audiencias de radio ni ' +
        'de televisión.',
      'Habitants ayant participé aux événements de la campagne, aux séances en milieu scolaire ou aux ' +
        'activités de quartier, ainsi que les visiteurs locaux uniques des pages de la campagne. Les audiences ' +
        'radio et télévision ne sont pas comptées.',
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'COHESION',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 3000, min: 200, max: 20000 },
  },
  {
    code: 'PERCEPTION',
    name: t(
      'Residents with a positive perception of migrants',
      'Habitantes con una percepción positiva de las personas migrantes',
      'Habitants ayant une perception positive des personnes migrantes',
    ),
    shortName: t('Positive perception', 'Percepción positiva', 'Perception positive'),
    description: t(
      'Share of respondents to the annual municipal opinion survey who agree that migrants contribute to ' +
        'the life of the municipality. Averaged across municipalities.',
      'Porcentaje de personas encuestadas en el sondeo municipal anual de opinión que están de acuerdo en que ' +
        'las personas migrantes contribuyen a la vida del municipio. Se promedia entre municipios.',
      "Part des personnes interrogées lors de l'enquête d'opinion communale annuelle qui estiment que les " +
        'personnes migrantes contribuent à la vie de la commune. Moyenne entre communes.',
    ),
    unit: PERCENT,
    valueType: 'number',
    aggregationType: 'average',
    direction: 'higher',
    theme: 'COHESION',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'annual',
    typical: { value: 58, min: 30, max: 85 },
  },

  // --- Diaspora engagement and investment -------------------------------------------------------------------
  {
    code: 'DIASPORA_USD',
    name: t(
      'Diaspora investment mobilised',
      'Inversión de la diáspora movilizada',
      'Investissement de la diaspora mobilisé',
    ),
    shortName: t('Diaspora investment', 'Inversión de la diáspora', 'Investissement diaspora'),
    description: t(
      'Money committed by members and associations of the diaspora to local development projects or ' +
        'businesses in the municipality during the quarter, in US dollars.',
      'Fondos comprometidos por miembros y asociaciones de la diáspora en proyectos de desarrollo local o ' +
        'negocios del municipio durante el trimestre, en dólares estadounidenses.',
      'Montants engagés par des membres et des associations de la diaspora dans des projets de développement ' +
        'local ou des entreprises de la commune au cours du trimestre, en dollars des États-Unis.',
    ),
    unit: t('USD', 'USD', 'USD'),
    valueType: 'number',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'DIASPORA',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 30000, min: 0, max: 250000 },
  },
  {
    code: 'DIASPORA_PARTICIPANTS',
    name: t(
      'Diaspora members taking part in local planning and investment forums',
      'Miembros de la diáspora que participan en espacios de planificación e inversión local',
      "Membres de la diaspora participant aux forums de planification et d'investissement locaux",
    ),
    shortName: t('Diaspora participants', 'Participación de la diáspora', 'Participation diaspora'),
    description: t(
      'Members of the diaspora, in person or online, who took part in a municipal consultation, a planning ' +
        'workshop or an investment forum during the quarter.',
      'Miembros de la diáspora que participaron, presencialmente o en línea, en una consulta municipal, un ' +
        'taller de planificación o un foro de inversión durante el trimestre.',
      'Membres de la diaspora ayant participé, sur place ou en ligne, à une concertation communale, à un ' +
        "atelier de planification ou à un forum d'investissement au cours du trimestre.",
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'DIASPORA',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 25, min: 0, max: 120 },
  },

  // --- Mainstreaming migration into local development -------------------------------------------------------
  {
    code: 'MIG_COUNCIL',
    name: t(
      'Municipal migration council functioning',
      'Consejo municipal de migración en funcionamiento',
      'Conseil communal de la migration en fonctionnement',
    ),
    shortName: t('Migration council', 'Consejo de migración', 'Conseil de la migration'),
    description: t(
      'Whether the municipal migration and development council (or Immigration Policy Commission) met during ' +
        'the quarter with minutes that record its decisions. Aggregated as the number of municipalities with a ' +
        'functioning council.',
      'Indica si el consejo municipal de migración y desarrollo (o la Comisión de Política Migratoria) se ' +
        'reunió durante el trimestre con un acta que recoja sus decisiones. Se agrega como el número de ' +
        'municipios con un consejo en funcionamiento.',
      'Indique si le conseil communal migration et développement (ou la commission de politique migratoire) ' +
        "s'est réuni au cours du trimestre, avec un procès-verbal consignant ses décisions. S'agrège en nombre " +
        "de communes disposant d'un conseil en fonctionnement.",
    ),
    unit: YES_NO,
    valueType: 'yes_no',
    aggregationType: 'count',
    direction: 'higher',
    theme: 'GOVERNANCE',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    countThreshold: 1,
    typical: { value: 1, min: 0, max: 1 },
  },
  {
    code: 'LDP_STAGE',
    name: t(
      'Migration mainstreamed in the local development plan',
      'Migración integrada en el plan de desarrollo local',
      'Migration intégrée au plan de développement local',
    ),
    shortName: t('Plan stage', 'Etapa del plan', 'Étape du plan'),
    description: t(
      'Stage reached by the municipality in integrating migration into its local development plan, from 0 ' +
        '(not started) to 4 (budgeted, implemented and monitored). The latest reported stage is kept.',
      'Etapa alcanzada por el municipio en la integración de la migración en su plan de desarrollo local, de 0 ' +
        '(sin iniciar) a 4 (presupuestada, ejecutada y con seguimiento). Se conserva la última etapa reportada.',
      "Étape atteinte par la commune dans l'intégration de la migration à son plan de développement local, de 0 " +
        '(non commencé) à 4 (budgétisée, mise en œuvre et suivie). La dernière étape déclarée est retenue.',
    ),
    unit: STAGE,
    valueType: 'stage',
    aggregationType: 'last',
    direction: 'higher',
    theme: 'GOVERNANCE',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    stages: [
      t('Not started', 'Sin iniciar', 'Non commencé'),
      t('Local migration profile prepared', 'Perfil migratorio local elaborado', 'Profil migratoire local établi'),
      t(
        'Priorities agreed with migrants and the diaspora',
        'Prioridades acordadas con la población migrante y la diáspora',
        'Priorités arrêtées avec les personnes migrantes et la diaspora',
      ),
      t(
        'Included in the adopted local development plan',
        'Incluida en el plan de desarrollo local aprobado',
        'Intégrée au plan de développement local adopté',
      ),
      t(
        'Budgeted, implemented and monitored',
        'Presupuestada, ejecutada y con seguimiento',
        'Budgétisée, mise en œuvre et suivie',
      ),
    ],
    typical: { value: 2, min: 0, max: 4 },
  },
  {
    code: 'BUDGET_SHARE',
    name: t(
      'Share of the municipal budget allocated to migrant services',
      'Proporción del presupuesto municipal destinada a servicios para personas migrantes',
      'Part du budget communal consacrée aux services pour les personnes migrantes',
    ),
    shortName: t('Budget share', 'Proporción del presupuesto', 'Part du budget'),
    description: t(
      'Municipal spending on services for migrants and their families (numerator) divided by total municipal ' +
        'spending in the quarter (denominator), both in US dollars. Aggregated as the ratio of the sums, not as ' +
        'an average of percentages.',
      'Gasto municipal en servicios para las personas migrantes y sus familias (numerador) dividido por el ' +
        'gasto municipal total del trimestre (denominador), ambos en dólares estadounidenses. Se agrega como el ' +
        'cociente de las sumas, no como un promedio de porcentajes.',
      'Dépenses communales consacrées aux services pour les personnes migrantes et leurs familles (numérateur) ' +
        'divisées par les dépenses communales totales du trimestre (dénominateur), en dollars des États-Unis. ' +
        "S'agrège comme le rapport des sommes, et non comme une moyenne de pourcentages.",
    ),
    unit: PERCENT,
    valueType: 'percentage',
    aggregationType: 'ratio',
    direction: 'higher',
    theme: 'GOVERNANCE',
    disaggregation: null,
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 1.2, min: 0.1, max: 4 },
    typicalDenominator: 2000000,
  },
  {
    code: 'REG_MD_PLAN',
    name: t(
      'Regional migration and development plan adopted',
      'Plan regional de migración y desarrollo aprobado',
      'Plan régional migration et développement adopté',
    ),
    shortName: t('Regional plan', 'Plan regional', 'Plan régional'),
    description: t(
      'Whether the regional or provincial government has formally adopted a migration and development plan or ' +
        'agenda. Aggregated as the number of regions with an adopted plan.',
      'Indica si el gobierno regional o provincial ha aprobado formalmente un plan o agenda de migración y ' +
        'desarrollo. Se agrega como el número de regiones con un plan aprobado.',
      'Indique si la collectivité régionale ou provinciale a formellement adopté un plan ou un agenda ' +
        "migration et développement. S'agrège en nombre de régions dotées d'un plan adopté.",
    ),
    unit: YES_NO,
    valueType: 'yes_no',
    aggregationType: 'count',
    direction: 'higher',
    theme: 'GOVERNANCE',
    disaggregation: null,
    tiers: ['regional'],
    periodicity: 'quarterly',
    countThreshold: 1,
    typical: { value: 1, min: 0, max: 1 },
  },

  // --- Multi-level coordination -----------------------------------------------------------------------------
  {
    code: 'COORD_MEETINGS',
    name: t(
      'Multi-level coordination meetings held',
      'Reuniones de coordinación multinivel realizadas',
      'Réunions de coordination multiniveau tenues',
    ),
    shortName: t('Coordination meetings', 'Reuniones de coordinación', 'Réunions de coordination'),
    description: t(
      'Meetings on migration and development that bring together at least two levels of government ' +
        '(municipal, regional or national), with an agenda and minutes. Each level reports the meetings it ' +
        'convened.',
      'Reuniones sobre migración y desarrollo que reúnen al menos a dos niveles de gobierno (municipal, ' +
        'regional o nacional), con orden del día y acta. Cada nivel reporta las reuniones que convocó.',
      "Réunions sur la migration et le développement réunissant au moins deux niveaux d'administration " +
        '(communal, régional ou national), avec ordre du jour et procès-verbal. Chaque niveau déclare les ' +
        "réunions qu'il a convoquées.",
    ),
    unit: MEETINGS,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'COORDINATION',
    disaggregation: null,
    tiers: ['local', 'regional', 'national'],
    periodicity: 'quarterly',
    typical: { value: 3, min: 0, max: 12 },
  },
  {
    code: 'REG_COUNCIL_MEETINGS',
    name: t(
      'Regional migration and development council meetings',
      'Reuniones del consejo regional de migración y desarrollo',
      'Réunions du conseil régional migration et développement',
    ),
    shortName: t('Regional council meetings', 'Reuniones del consejo regional', 'Réunions du conseil régional'),
    description: t(
      'Plenary meetings of the regional council in which municipal reports are reviewed and decisions are ' +
        'recorded.',
      'Sesiones plenarias del consejo regional en las que se revisan los informes municipales y se registran ' +
        'las decisiones.',
      'Séances plénières du conseil régional au cours desquelles les rapports communaux sont examinés et les ' +
        'décisions consignées.',
    ),
    unit: MEETINGS,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'COORDINATION',
    disaggregation: null,
    tiers: ['regional'],
    periodicity: 'quarterly',
    typical: { value: 1, min: 0, max: 3 },
  },
  {
    code: 'NAT_POLICY_STAGE',
    name: t(
      'National migration policy integrates local authorities',
      'La política migratoria nacional integra a los gobiernos locales',
      'La politique migratoire nationale intègre les collectivités territoriales',
    ),
    shortName: t('National policy stage', 'Etapa de la política nacional', 'Étape de la politique nationale'),
    description: t(
      'Stage reached by the national migration policy in giving local authorities a role, from 0 (not ' +
        'mentioned) to 4 (funding and reporting channels in operation). Reported by the national commission; ' +
        'the latest stage is kept.',
      'Etapa alcanzada por la política migratoria nacional en cuanto al papel de los gobiernos locales, de 0 ' +
        '(sin mención) a 4 (financiación y canales de reporte en funcionamiento). La reporta la comisión ' +
        'nacional; se conserva la última etapa.',
      'Étape atteinte par la politique migratoire nationale dans la place donnée aux collectivités ' +
        'territoriales, de 0 (non mentionnées) à 4 (financement et circuits de rapportage opérationnels). ' +
        'Déclarée par la commission nationale ; la dernière étape est retenue.',
    ),
    unit: STAGE,
    valueType: 'stage',
    aggregationType: 'last',
    direction: 'higher',
    theme: 'COORDINATION',
    disaggregation: null,
    tiers: ['national'],
    periodicity: 'quarterly',
    stages: [
      t(
        'Local authorities not mentioned',
        'Sin mención de los gobiernos locales',
        'Collectivités territoriales non mentionnées',
      ),
      t(
        'Local role acknowledged in policy dialogue',
        'Papel local reconocido en el diálogo político',
        'Rôle local reconnu dans le dialogue politique',
      ),
      t(
        'Local authorities consulted on the draft policy',
        'Gobiernos locales consultados sobre el borrador de la política',
        'Collectivités consultées sur le projet de politique',
      ),
      t(
        'Policy adopted with a mandate for local authorities',
        'Política aprobada con un mandato para los gobiernos locales',
        'Politique adoptée avec un mandat pour les collectivités',
      ),
      t(
        'Funding and reporting channels in operation',
        'Financiación y canales de reporte en funcionamiento',
        'Financement et circuits de rapportage opérationnels',
      ),
    ],
    typical: { value: 2, min: 0, max: 4 },
  },

  // --- Capacity building ------------------------------------------------------------------------------------
  {
    code: 'OFFICIALS_TRAINED',
    name: t(
      'Local officials trained on migration and development',
      'Personal municipal capacitado en migración y desarrollo',
      'Élus et agents locaux formés à la migration et au développement',
    ),
    shortName: t('Officials trained', 'Personal capacitado', 'Agents formés'),
    description: t(
      'Elected officials and municipal staff who completed at least one training module on migration and ' +
        'development (rights, planning, services or data) during the quarter.',
      'Autoridades electas y personal municipal que completaron al menos un módulo de formación en migración y ' +
        'desarrollo (derechos, planificación, servicios o datos) durante el trimestre.',
      'Élus et agents communaux ayant suivi au moins un module de formation sur la migration et le ' +
        'développement (droits, planification, services ou données) au cours du trimestre.',
    ),
    unit: PEOPLE,
    valueType: 'integer',
    aggregationType: 'sum',
    direction: 'higher',
    theme: 'CAPACITY',
    disaggregation: 'SEX',
    tiers: ['local'],
    periodicity: 'quarterly',
    typical: { value: 18, min: 0, max: 60 },
  },
];
