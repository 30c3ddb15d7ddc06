// The 15 projects of the demo programme. The first four are the documented practices of the Joint Migration
// and Development Initiative (JMDI); the other eleven are illustrative, invented to fill the demo, and say so.
// IATI identifiers use a clearly fictional 'M4D-DEMO' numbering. Unit codes refer to shared/geo/places.json ids,
// extraMunicipalities (./municipalities.ts), admin1.geojson codes (regions) and ISO3 codes (countries).
import type { ProjectContent, Text } from './types';

const t = (en: string, es: string, fr: string): Text => ({ en, es, fr });

const iati = (code: string): string => `XM-DAC-41114-M4D-DEMO-${code}`;

export const projects: ProjectContent[] = [
  // === The four documented JMDI practices =====================================================================
  {
    code: 'CRI-UPALA',
    name: t(
      "Upala: migrants' rights in local development",
      'Upala: derechos de las personas migrantes en el desarrollo local',
      'Upala : les droits des personnes migrantes dans le développement local',
    ),
    description: t(
      'The border canton of Upala, where a large share of residents are Nicaraguan or of Nicaraguan descent, wrote ' +
        "migrants' rights into its cantonal development plan and budget. The project opened the House of Women's " +
        'Rights, which shelters and supports migrant and local women facing violence, and worked with the General ' +
        'Directorate of Migration and Foreigners to give Nicaraguan cross-border farm workers a transborder ' +
        'migratory status. The neighbouring cantons of northern Alajuela (Los Chiles, Guatuso and San Carlos) take ' +
        'part in the exchange of practices.',
      'El cantón fronterizo de Upala, donde una gran parte de la población es nicaragüense o de origen ' +
        'nicaragüense, incorporó los derechos de las personas migrantes en su plan de desarrollo cantonal y en su ' +
        'presupuesto. El proyecto abrió la Casa de Derechos de las Mujeres, que acoge y acompaña a mujeres ' +
        'migrantes y locales que enfrentan violencia, y trabajó con la Dirección General de Migración y Extranjería ' +
        'para que las personas trabajadoras agrícolas transfronterizas nicaragüenses obtengan un estatus migratorio ' +
        'transfronterizo. Los cantones vecinos del norte de Alajuela (Los Chiles, Guatuso y San Carlos) participan ' +
        'en el intercambio de prácticas.',
      "Le canton frontalier d'Upala, où une grande partie des habitants sont nicaraguayens ou d'origine " +
        'nicaraguayenne, a inscrit les droits des personnes migrantes dans son plan de développement cantonal et ' +
        'dans son budget. Le projet a ouvert la Maison des droits des femmes, qui héberge et accompagne les femmes ' +
        'migrantes et locales victimes de violences, et a travaillé avec la Direction générale des migrations et ' +
        'des étrangers pour que les travailleurs agricoles transfrontaliers nicaraguayens obtiennent un statut ' +
        "migratoire transfrontalier. Les cantons voisins du nord d'Alajuela (Los Chiles, Guatuso et San Carlos) " +
        "participent à l'échange de pratiques.",
    ),
    illustrative: false,
    country: 'CRI',
    leadUnit: 'CRI-upala',
    coveredUnits: ['CRI-upala', 'CRI-los-chiles', 'CRI-guatuso', 'CRI-san-carlos'],
    startDate: '2024-01-15',
    endDate: '2026-12-31',
    budgetUsd: 1150000,
    themes: ['RIGHTS', 'GOVERNANCE', 'SERVICES'],
    iatiIdentifier: iati('CRI-UPALA'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'outcome',
        title: t(
          "Migrants' rights written into cantonal development plans",
          'Derechos de las personas migrantes incorporados en los planes de desarrollo cantonal',
          'Droits des personnes migrantes inscrits dans les plans de développement cantonaux',
        ),
        description: t(
          'The municipal councils of Upala and its neighbours adopt and fund plans that recognise migrants as ' +
            'rights holders.',
          'Los concejos municipales de Upala y de los cantones vecinos aprueban y financian planes que reconocen a ' +
            'las personas migrantes como titulares de derechos.',
          "Les conseils municipaux d'Upala et des cantons voisins adoptent et financent des plans qui reconnaissent " +
            'les personnes migrantes comme titulaires de droits.',
        ),
        indicators: ['LDP_STAGE', 'MIG_COUNCIL', 'BUDGET_SHARE', 'OFFICIALS_TRAINED'],
      },
      {
        code: 'R2',
        type: 'output',
        title: t(
          "House of Women's Rights open and running",
          'Casa de Derechos de las Mujeres abierta y en funcionamiento',
          'Maison des droits des femmes ouverte et opérationnelle',
        ),
        description: t(
          'Women find shelter, counselling and legal support, and are referred to health and social services.',
          'Las mujeres encuentran albergue, orientación y apoyo jurídico, y son derivadas a los servicios de salud ' +
            'y sociales.',
          'Les femmes y trouvent un hébergement, une écoute et un appui juridique, et sont orientées vers les ' +
            'services de santé et sociaux.',
        ),
        indicators: ['WOMEN_SHELTERED', 'REFERRALS', 'SATISFACTION'],
      },
      {
        code: 'R3',
        type: 'output',
        title: t(
          'Cross-border workers with a regular transborder status',
          'Personas trabajadoras transfronterizas con un estatus migratorio regular',
          'Travailleurs transfrontaliers en situation régulière',
        ),
        description: t(
          'Nicaraguan seasonal workers obtain transborder worker cards through municipal help desks and mobile ' +
            'registration days.',
          'Las personas trabajadoras temporales nicaragüenses obtienen su carné de trabajador transfronterizo en ' +
            'las oficinas municipales de atención y en jornadas móviles de registro.',
          'Les travailleurs saisonniers nicaraguayens obtiennent leur carte de travailleur transfrontalier auprès ' +
            "des guichets municipaux et lors de journées mobiles d'enregistrement.",
        ),
        indicators: ['STATUS_DOCS', 'DOC_WAIT_DAYS', 'MIG_SERVED'],
      },
    ],
  },
  {
    code: 'ECU-PICHINCHA',
    name: t(
      'Pichincha: a province that welcomes human mobility',
      'Pichincha: una provincia que acoge la movilidad humana',
      'Pichincha : une province qui accueille la mobilité humaine',
    ),
    description: t(
      'The Provincial Government of Pichincha created a Human Mobility Unit that serves immigrants, refugees, ' +
        'returnees and the families of emigrants in Quito and the other cantons of the province, and ran a ' +
        'province-wide anti-xenophobia campaign with trained anti-rumour agents. Through CONGOPE, the consortium of ' +
        "Ecuador's provincial governments, other provinces are replicating the model, and their capitals (Santo " +
        'Domingo, Esmeraldas, Guayaquil, Cuenca and Portoviejo) report the same indicators.',
      'El Gobierno Provincial de Pichincha creó una Unidad de Movilidad Humana que atiende a personas inmigrantes, ' +
        'refugiadas y retornadas y a las familias de emigrantes en Quito y en los demás cantones de la provincia, y ' +
        'desarrolló una campaña provincial contra la xenofobia con agentes antirrumores formados. A través del ' +
        'CONGOPE, el consorcio de gobiernos provinciales del Ecuador, otras provincias replican el modelo y sus ' +
        'capitales (Santo Domingo, Esmeraldas, Guayaquil, Cuenca y Portoviejo) reportan los mismos indicadores.',
      'Le gouvernement provincial de Pichincha a créé une unité de mobilité humaine qui reçoit les personnes ' +
        "immigrées, réfugiées et de retour ainsi que les familles d'émigrés à Quito et dans les autres cantons de " +
        'la province, et a mené une campagne provinciale contre la xénophobie avec des agents anti-rumeurs formés. ' +
        "Par l'intermédiaire du CONGOPE, le consortium des gouvernements provinciaux de l'Équateur, d'autres " +
        'provinces reproduisent le modèle, et leurs chefs-lieux (Santo Domingo, Esmeraldas, Guayaquil, Cuenca et ' +
        'Portoviejo) suivent les mêmes indicateurs.',
    ),
    illustrative: false,
    country: 'ECU',
    leadUnit: 'EC-P',
    coveredUnits: [
      'EC-P',
      'ECU-quito',
      'ECU-cayambe',
      'ECU-mejia',
      'ECU-ruminahui',
      'ECU-pedro-moncayo',
      'ECU-san-miguel-de-los-bancos',
      'ECU-santo-domingo',
      'ECU-esmeraldas',
      'ECU-guayaquil',
      'ECU-cuenca',
      'ECU-portoviejo',
    ],
    startDate: '2023-09-01',
    endDate: '2026-08-31',
    budgetUsd: 1400000,
    themes: ['SERVICES', 'COHESION', 'COORDINATION'],
    iatiIdentifier: iati('ECU-PICHINCHA'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Human Mobility Unit serving people across the province',
          'Unidad de Movilidad Humana al servicio de toda la provincia',
          'Unité de mobilité humaine au service de toute la province',
        ),
        description: t(
          'Cantonal offices of the unit give information, legal counselling and referrals to people on the move and ' +
            'their families.',
          'Las oficinas cantonales de la unidad brindan información, asesoría jurídica y derivaciones a las ' +
            'personas en situación de movilidad y a sus familias.',
          "Les antennes cantonales de l'unité offrent information, conseil juridique et orientation aux personnes " +
            'en mobilité et à leurs familles.',
        ),
        indicators: ['HELP_OFFICE', 'MIG_SERVED', 'REFERRALS', 'SATISFACTION'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Less xenophobia in Pichincha',
          'Menos xenofobia en Pichincha',
          'Moins de xénophobie dans la province de Pichincha',
        ),
        description: t(
          'The campaign and the anti-rumour network improve how residents see migrants and refugees.',
          'La campaña y la red antirrumores mejoran la forma en que la población ve a las personas migrantes y ' +
            'refugiadas.',
          'La campagne et le réseau anti-rumeurs améliorent le regard que portent les habitants sur les personnes ' +
            'migrantes et réfugiées.',
        ),
        indicators: ['ANTIRUMOUR_AGENTS', 'CAMPAIGN_REACH', 'PERCEPTION'],
      },
      {
        code: 'R3',
        type: 'outcome',
        title: t(
          'Model replicated through CONGOPE',
          'Modelo replicado a través del CONGOPE',
          "Modèle reproduit par l'intermédiaire du CONGOPE",
        ),
        description: t(
          'Provincial governments adopt human mobility agendas, train their staff and coordinate with national ' +
            'institutions.',
          'Los gobiernos provinciales aprueban agendas de movilidad humana, capacitan a su personal y se coordinan ' +
            'con las instituciones nacionales.',
          'Les gouvernements provinciaux adoptent des agendas de mobilité humaine, forment leur personnel et se ' +
            'coordonnent avec les institutions nationales.',
        ),
        indicators: ['REG_MD_PLAN', 'COORD_MEETINGS', 'OFFICIALS_TRAINED'],
      },
    ],
  },
  {
    code: 'PHL-BICOL',
    name: t(
      'Bicol: migration and development councils from city to nation',
      'Bicol: consejos de migración y desarrollo de la ciudad a la nación',
      'Bicol : des conseils migration et développement, de la ville à la nation',
    ),
    description: t(
      'Naga City set up a local Migration and Development Council and helped the cities and municipalities of ' +
        'Camarines Sur, Albay and Sorsogon to create their own. Naga coordinates the Bicol Regional Migration and ' +
        'Development Council, which reviews municipal reports and passes them on to the Commission on Filipinos ' +
        'Overseas (CFO), so that local experience shapes national policy. Overseas Filipinos and their families are ' +
        'supported to invest in their home towns.',
      'Naga City creó un Consejo local de Migración y Desarrollo y ayudó a las ciudades y municipios de Camarines ' +
        'Sur, Albay y Sorsogon a crear los suyos. Naga coordina el Consejo Regional de Migración y Desarrollo de ' +
        'Bicol, que revisa los informes municipales y los transmite a la Comisión de Filipinos en el Extranjero ' +
        '(CFO), de modo que la experiencia local oriente la política nacional. Se apoya a las personas filipinas en ' +
        'el extranjero y a sus familias para que inviertan en sus localidades de origen.',
      'Naga City a créé un conseil local migration et développement et a aidé les villes et municipalités de ' +
        "Camarines Sur, d'Albay et de Sorsogon à créer le leur. Naga coordonne le conseil régional migration et " +
        'développement du Bicol, qui examine les rapports municipaux et les transmet à la Commission des Philippins ' +
        "de l'étranger (CFO), afin que l'expérience locale oriente la politique nationale. Les Philippins de " +
        "l'étranger et leurs familles sont accompagnés pour investir dans leur ville d'origine.",
    ),
    illustrative: false,
    country: 'PHL',
    leadUnit: 'PHL-naga-city',
    coveredUnits: [
      'PHL',
      'PH-05',
      'PHL-naga-city',
      'PHL-pili',
      'PHL-iriga-city',
      'PHL-libmanan',
      'PHL-calabanga',
      'PHL-legazpi-city',
      'PHL-tabaco-city',
      'PHL-ligao-city',
      'PHL-daraga',
      'PHL-sorsogon-city',
    ],
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    budgetUsd: 1800000,
    themes: ['COORDINATION', 'GOVERNANCE', 'DIASPORA'],
    iatiIdentifier: iati('PHL-BICOL'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Local migration and development councils set up',
          'Consejos locales de migración y desarrollo constituidos',
          'Conseils locaux migration et développement mis en place',
        ),
        description: t(
          'Each participating city and municipality has a functioning council, trained staff and a development plan ' +
            'that addresses migration.',
          'Cada ciudad y municipio participante cuenta con un consejo en funcionamiento, personal capacitado y un ' +
            'plan de desarrollo que aborda la migración.',
          "Chaque ville et municipalité participante dispose d'un conseil en fonctionnement, d'agents formés et " +
            "d'un plan de développement qui traite de la migration.",
        ),
        indicators: ['MIG_COUNCIL', 'LDP_STAGE', 'OFFICIALS_TRAINED'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Bicol Regional Migration and Development Council coordinated by Naga City',
          'Consejo Regional de Migración y Desarrollo de Bicol coordinado por Naga City',
          'Conseil régional migration et développement du Bicol coordonné par Naga City',
        ),
        description: t(
          'The regional council meets regularly, reviews municipal reports and adopts a regional migration and ' +
            'development plan.',
          'El consejo regional se reúne con regularidad, revisa los informes municipales y aprueba un plan regional ' +
            'de migración y desarrollo.',
          'Le conseil régional se réunit régulièrement, examine les rapports municipaux et adopte un plan régional ' +
            'migration et développement.',
        ),
        indicators: ['REG_COUNCIL_MEETINGS', 'REG_MD_PLAN'],
      },
      {
        code: 'R3',
        type: 'outcome',
        title: t(
          'Local experience shapes national policy through the CFO',
          'La experiencia local orienta la política nacional a través de la CFO',
          "L'expérience locale oriente la politique nationale par l'intermédiaire de la CFO",
        ),
        description: t(
          'Regular meetings between the cities, the regional council and the Commission on Filipinos Overseas bring ' +
            'local priorities into national migration policy.',
          'Las reuniones periódicas entre las ciudades, el consejo regional y la Comisión de Filipinos en el ' +
            'Extranjero llevan las prioridades locales a la política migratoria nacional.',
          'Des réunions régulières entre les villes, le conseil régional et la Commission des Philippins de ' +
            "l'étranger font remonter les priorités locales dans la politique migratoire nationale.",
        ),
        indicators: ['COORD_MEETINGS', 'NAT_POLICY_STAGE'],
      },
      {
        code: 'R4',
        type: 'output',
        title: t(
          'Overseas Filipinos and their families supported to invest at home',
          'Personas filipinas en el extranjero y sus familias apoyadas para invertir en su tierra',
          "Philippins de l'étranger et leurs familles accompagnés pour investir au pays",
        ),
        description: t(
          'Migrant help desks serve the families of overseas workers and returnees, and link diaspora savings to ' +
            'local enterprises.',
          'Las oficinas de atención a migrantes atienden a las familias de trabajadores en el extranjero y a las ' +
            'personas retornadas, y vinculan el ahorro de la diáspora con empresas locales.',
          "Les guichets d'accueil des migrants reçoivent les familles de travailleurs à l'étranger et les personnes " +
            "de retour, et relient l'épargne de la diaspora aux entreprises locales.",
        ),
        indicators: ['MIG_SERVED', 'DIASPORA_USD', 'LIVELIHOOD'],
      },
    ],
  },
  {
    code: 'SEN-SEDHIOU',
    name: t(
      'Sédhiou: migration in regional and municipal planning',
      'Sédhiou: la migración en la planificación regional y municipal',
      'Sédhiou : la migration dans la planification régionale et communale',
    ),
    description: t(
      'The Regional Development Agency (ARD) of Sédhiou integrates migration into regional planning and supports ' +
        'the communes of the region. Each commune sets up an Immigration Policy Commission and a Help Office for ' +
        'Migrants that welcomes, guides and follows up migrants, returnees and the families of emigrants. The ' +
        'diaspora takes part in local planning and co-finances development projects in its home communes.',
      'La Agencia Regional de Desarrollo (ARD) de Sédhiou integra la migración en la planificación regional y ' +
        'acompaña a los municipios de la región. Cada municipio crea una Comisión de Política Migratoria y una ' +
        'Oficina de Atención a Migrantes que recibe, orienta y acompaña a personas migrantes, retornadas y familias ' +
        'de emigrantes. La diáspora participa en la planificación local y cofinancia proyectos de desarrollo en sus ' +
        'municipios de origen.',
      "L'Agence régionale de développement (ARD) de Sédhiou intègre la migration dans la planification régionale et " +
        'appuie les communes de la région. Chaque commune met en place une commission de politique migratoire et un ' +
        "bureau d'accueil des migrants qui accueille, oriente et suit les personnes migrantes, les personnes de " +
        "retour et les familles d'émigrés. La diaspora participe à la planification locale et cofinance des projets " +
        "de développement dans ses communes d'origine.",
    ),
    illustrative: false,
    country: 'SEN',
    leadUnit: 'SN-SE',
    coveredUnits: ['SN-SE', 'SEN-sedhiou', 'SEN-bounkiling', 'SEN-goudomp', 'SEN-marsassoum', 'SEN-diattacounda'],
    startDate: '2024-03-01',
    endDate: '2027-02-28',
    budgetUsd: 1250000,
    themes: ['GOVERNANCE', 'DIASPORA', 'SERVICES'],
    iatiIdentifier: iati('SEN-SEDHIOU'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'outcome',
        title: t(
          'Migration integrated into regional planning by the ARD',
          'Migración integrada en la planificación regional por la ARD',
          "Migration intégrée à la planification régionale par l'ARD",
        ),
        description: t(
          'The ARD leads a regional migration and development plan, convenes the regional council and links the ' +
            'communes with national services.',
          'La ARD impulsa un plan regional de migración y desarrollo, convoca al consejo regional y vincula a los ' +
            'municipios con los servicios nacionales.',
          "L'ARD pilote un plan régional migration et développement, réunit le conseil régional et fait le lien " +
            "entre les communes et les services de l'État.",
        ),
        indicators: ['REG_MD_PLAN', 'REG_COUNCIL_MEETINGS', 'COORD_MEETINGS'],
      },
      {
        code: 'R2',
        type: 'output',
        title: t(
          'Immigration Policy Commissions in every commune',
          'Comisiones de Política Migratoria en cada municipio',
          'Commissions de politique migratoire dans chaque commune',
        ),
        description: t(
          'The commissions meet, train their members and bring migration into the communal development plan.',
          'Las comisiones se reúnen, forman a sus miembros e incorporan la migración en el plan de desarrollo ' +
            'municipal.',
          'Les commissions se réunissent, forment leurs membres et intègrent la migration au plan de développement ' +
            'communal.',
        ),
        indicators: ['MIG_COUNCIL', 'LDP_STAGE', 'OFFICIALS_TRAINED'],
      },
      {
        code: 'R3',
        type: 'output',
        title: t(
          'Help Offices for Migrants open',
          'Oficinas de Atención a Migrantes abiertas',
          "Bureaux d'accueil des migrants ouverts",
        ),
        description: t(
          'Help offices welcome migrants, returnees and families of emigrants and refer them to the right services.',
          'Las oficinas reciben a personas migrantes, retornadas y familias de emigrantes y las derivan a los ' +
            'servicios adecuados.',
          "Les bureaux accueillent les personnes migrantes, les personnes de retour et les familles d'émigrés, et " +
            'les orientent vers les services adaptés.',
        ),
        indicators: ['HELP_OFFICE', 'MIG_SERVED', 'REFERRALS'],
      },
      {
        code: 'R4',
        type: 'outcome',
        title: t(
          'The diaspora takes part in local development',
          'La diáspora participa en el desarrollo local',
          'La diaspora participe au développement local',
        ),
        description: t(
          'Diaspora associations join planning forums and co-finance projects in their home communes.',
          'Las asociaciones de la diáspora participan en los foros de planificación y cofinancian proyectos en sus ' +
            'municipios de origen.',
          'Les associations de la diaspora participent aux forums de planification et cofinancent des projets dans ' +
            "leurs communes d'origine.",
        ),
        indicators: ['DIASPORA_PARTICIPANTS', 'DIASPORA_USD'],
      },
    ],
  },

  // === Illustrative projects =================================================================================
  {
    code: 'CRI-HARVEST',
    name: t(
      'Seasonal farm work: services and rights in the harvest cantons',
      'Trabajo agrícola temporal: servicios y derechos en los cantones de cosecha',
      'Travail agricole saisonnier : services et droits dans les cantons de récolte',
    ),
    description: t(
      'Illustrative project: every harvest season, thousands of Nicaraguan and Ngäbe-Buglé workers come to the ' +
        'coffee farms of Grecia, San Ramón and Alajuela and to the banana, pineapple and tourism areas around ' +
        'Limón, Puntarenas and Liberia. The municipalities run mobile health and documentation days on the farms, ' +
        'open seasonal help desks and coordinate with employers and national institutions before each harvest; San ' +
        'José hosts the national coordination table.',
      'Proyecto ilustrativo: en cada temporada de cosecha, miles de personas trabajadoras nicaragüenses y ' +
        'ngäbe-buglé llegan a los cafetales de Grecia, San Ramón y Alajuela y a las zonas bananeras, piñeras y ' +
        'turísticas de Limón, Puntarenas y Liberia. Los municipios organizan jornadas móviles de salud y ' +
        'documentación en las fincas, abren oficinas de atención temporales y se coordinan con los empleadores y ' +
        'las instituciones nacionales antes de cada cosecha; San José acoge la mesa nacional de coordinación.',
      'Projet illustratif : à chaque saison de récolte, des milliers de travailleurs nicaraguayens et ngäbe-buglé ' +
        'rejoignent les plantations de café de Grecia, San Ramón et Alajuela ainsi que les zones de bananeraies, ' +
        "d'ananas et de tourisme autour de Limón, Puntarenas et Liberia. Les municipalités organisent des journées " +
        'mobiles de santé et de documentation dans les exploitations, ouvrent des guichets saisonniers et se ' +
        'coordonnent avec les employeurs et les institutions nationales avant chaque récolte ; San José accueille ' +
        'la table nationale de coordination.',
    ),
    illustrative: true,
    country: 'CRI',
    leadUnit: 'CRI-grecia',
    coveredUnits: [
      'CRI-grecia',
      'CRI-san-ramon',
      'CRI-alajuela',
      'CRI-san-jose',
      'CRI-limon',
      'CRI-puntarenas',
      'CRI-liberia',
    ],
    startDate: '2024-07-01',
    endDate: '2026-06-30',
    budgetUsd: 620000,
    themes: ['SERVICES', 'RIGHTS'],
    iatiIdentifier: iati('CRI-HARVEST'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Mobile health and documentation days on the farms',
          'Jornadas móviles de salud y documentación en las fincas',
          'Journées mobiles de santé et de documentation dans les exploitations',
        ),
        description: t(
          'Seasonal workers and their families are registered, documented and referred to health services where ' +
            'they work.',
          'Las personas trabajadoras temporales y sus familias se registran, obtienen sus documentos y son ' +
            'derivadas a los servicios de salud en su lugar de trabajo.',
          'Les travailleurs saisonniers et leurs familles sont enregistrés, obtiennent leurs documents et sont ' +
            'orientés vers les services de santé sur leur lieu de travail.',
        ),
        indicators: ['MIG_SERVED', 'STATUS_DOCS', 'REFERRALS'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Harvest seasons planned together by the municipalities',
          'Temporadas de cosecha planificadas en conjunto por los municipios',
          'Saisons de récolte planifiées ensemble par les municipalités',
        ),
        description: t(
          'Seasonal help desks open on time, and municipalities, employers and national institutions coordinate ' +
            'before each harvest.',
          'Las oficinas temporales abren a tiempo, y los municipios, los empleadores y las instituciones nacionales ' +
            'se coordinan antes de cada cosecha.',
          'Les guichets saisonniers ouvrent à temps, et municipalités, employeurs et institutions nationales se ' +
            'coordonnent avant chaque récolte.',
        ),
        indicators: ['HELP_OFFICE', 'COORD_MEETINGS', 'SATISFACTION'],
      },
    ],
  },
  {
    code: 'PHL-REINTEGRATION',
    name: t(
      'Coming home: reintegration of overseas Filipino workers in metropolitan cities',
      'Volver a casa: reintegración de trabajadores filipinos en el extranjero en las grandes ciudades',
      "Le retour : réinsertion des travailleurs philippins de l'étranger dans les grandes villes",
    ),
    description: t(
      'Illustrative project: Manila, Cebu City, Davao City and Iloilo City open one-stop reintegration desks for ' +
        'returning overseas Filipino workers (OFWs), many of them women coming back from domestic work abroad. The ' +
        'desks combine psychosocial support, skills recognition, job matching and start-up coaching, and help ' +
        'families invest remittances in small businesses.',
      'Proyecto ilustrativo: Manila, Cebu City, Davao City e Iloilo City abren ventanillas únicas de reintegración ' +
        'para las personas trabajadoras filipinas que regresan del extranjero (OFW), muchas de ellas mujeres que ' +
        'vuelven del trabajo doméstico en otros países. Las ventanillas combinan apoyo psicosocial, reconocimiento ' +
        'de competencias, intermediación laboral y acompañamiento al emprendimiento, y ayudan a las familias a ' +
        'invertir las remesas en pequeños negocios.',
      'Projet illustratif : Manille, Cebu City, Davao City et Iloilo City ouvrent des guichets uniques de ' +
        "réinsertion pour les travailleurs philippins qui rentrent de l'étranger (OFW), dont beaucoup de femmes " +
        "revenant d'un emploi domestique à l'étranger. Les guichets associent soutien psychosocial, reconnaissance " +
        "des compétences, mise en relation avec des employeurs et accompagnement à la création d'entreprise, et " +
        'aident les familles à investir les transferts de fonds dans de petites entreprises.',
    ),
    illustrative: true,
    country: 'PHL',
    leadUnit: 'PHL-cebu-city',
    coveredUnits: ['PHL-manila', 'PHL-cebu-city', 'PHL-davao-city', 'PHL-iloilo-city'],
    startDate: '2025-01-01',
    endDate: '2027-06-30',
    budgetUsd: 900000,
    themes: ['SERVICES', 'DIASPORA'],
    iatiIdentifier: iati('PHL-REINTEGRATION'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'One-stop reintegration desks open',
          'Ventanillas únicas de reintegración abiertas',
          'Guichets uniques de réinsertion ouverts',
        ),
        description: t(
          'Returnees and their families receive counselling and referrals in one place.',
          'Las personas retornadas y sus familias reciben orientación y derivaciones en un solo lugar.',
          'Les personnes de retour et leurs familles reçoivent conseils et orientation en un seul lieu.',
        ),
        indicators: ['HELP_OFFICE', 'MIG_SERVED', 'REFERRALS'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Returnees back in work or business',
          'Personas retornadas con empleo o negocio propio',
          'Personnes de retour en emploi ou à leur compte',
        ),
        description: t(
          'Returnees find jobs or start businesses, partly financed with their own savings and family remittances.',
          'Las personas retornadas consiguen empleo o emprenden, en parte con sus ahorros y las remesas familiares.',
          'Les personnes de retour trouvent un emploi ou créent une activité, financée en partie par leur épargne ' +
            'et les transferts familiaux.',
        ),
        indicators: ['LIVELIHOOD', 'DIASPORA_USD', 'SATISFACTION'],
      },
    ],
  },
  {
    code: 'SEN-DIASPORA',
    name: t(
      "Diaspora investment desks in Senegal's regional capitals",
      'Ventanillas de inversión de la diáspora en las capitales regionales de Senegal',
      "Guichets d'investissement de la diaspora dans les capitales régionales du Sénégal",
    ),
    description: t(
      'Illustrative project: Dakar, Thiès, Saint-Louis, Ziguinchor and Kolda open diaspora desks in their town ' +
        'halls, where Senegalese living in Europe and elsewhere in Africa can find information on investment ' +
        'opportunities, land and business registration, and join forums with the local authorities. Returnees ' +
        'receive business coaching and start-up support.',
      'Proyecto ilustrativo: Dakar, Thiès, Saint-Louis, Ziguinchor y Kolda abren ventanillas de la diáspora en sus ' +
        'ayuntamientos, donde las personas senegalesas que viven en Europa y en otros países de África encuentran ' +
        'información sobre oportunidades de inversión, trámites de tierras y registro de empresas, y participan en ' +
        'foros con las autoridades locales. Las personas retornadas reciben acompañamiento y apoyo para crear su ' +
        'empresa.',
      'Projet illustratif : Dakar, Thiès, Saint-Louis, Ziguinchor et Kolda ouvrent des guichets de la diaspora dans ' +
        "leurs hôtels de ville, où les Sénégalais établis en Europe et ailleurs en Afrique s'informent sur les " +
        "possibilités d'investissement, le foncier et l'immatriculation des entreprises, et participent à des " +
        "forums avec les autorités locales. Les personnes de retour bénéficient d'un accompagnement et d'une aide " +
        'au démarrage de leur entreprise.',
    ),
    illustrative: true,
    country: 'SEN',
    leadUnit: 'SEN-thies',
    coveredUnits: ['SEN-dakar', 'SEN-thies', 'SEN-saint-louis', 'SEN-ziguinchor', 'SEN-kolda'],
    startDate: '2023-04-01',
    endDate: '2025-09-30',
    budgetUsd: 780000,
    themes: ['DIASPORA', 'CAPACITY'],
    iatiIdentifier: iati('SEN-DIASPORA'),
    status: 3,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Diaspora desks running in town halls',
          'Ventanillas de la diáspora en funcionamiento en los ayuntamientos',
          'Guichets de la diaspora opérationnels dans les hôtels de ville',
        ),
        description: t(
          'Trained municipal staff welcome members of the diaspora and organise investment forums.',
          'Personal municipal capacitado atiende a los miembros de la diáspora y organiza foros de inversión.',
          'Des agents communaux formés accueillent les membres de la diaspora et organisent des forums ' +
            "d'investissement.",
        ),
        indicators: ['HELP_OFFICE', 'OFFICIALS_TRAINED', 'DIASPORA_PARTICIPANTS'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'More diaspora investment and more businesses started by returnees',
          'Más inversión de la diáspora y más empresas creadas por personas retornadas',
          "Davantage d'investissements de la diaspora et d'entreprises créées par des personnes de retour",
        ),
        description: t(
          'Diaspora funds flow into local businesses and returnees start lasting activities.',
          'Los fondos de la diáspora llegan a empresas locales y las personas retornadas inician actividades ' +
            'duraderas.',
          'Les fonds de la diaspora irriguent les entreprises locales et les personnes de retour lancent des ' +
            'activités durables.',
        ),
        indicators: ['DIASPORA_USD', 'LIVELIHOOD'],
      },
    ],
  },
  {
    code: 'SLV-RETURN',
    name: t(
      'Municipal reception and reintegration of returned migrants',
      'Recepción y reintegración municipal de personas migrantes retornadas',
      'Accueil et réinsertion des migrants de retour par les communes',
    ),
    description: t(
      'Illustrative project: San Salvador, Santa Ana and Sonsonate receive many Salvadorans returned from the ' +
        'United States and Mexico. Municipal reintegration offices welcome them, help them obtain documents, refer ' +
        'them to health and psychosocial care and connect them with training and jobs, while the municipalities ' +
        'include returnees in their local development plans and budgets.',
      'Proyecto ilustrativo: San Salvador, Santa Ana y Sonsonate reciben a muchas personas salvadoreñas retornadas ' +
        'desde Estados Unidos y México. Las oficinas municipales de reintegración las acogen, las ayudan a obtener ' +
        'sus documentos, las derivan a atención de salud y psicosocial y las vinculan con formación y empleo, ' +
        'mientras los municipios incluyen a la población retornada en sus planes de desarrollo local y en sus ' +
        'presupuestos.',
      'Projet illustratif : San Salvador, Santa Ana et Sonsonate accueillent de nombreux Salvadoriens renvoyés des ' +
        'États-Unis et du Mexique. Les bureaux communaux de réinsertion les reçoivent, les aident à obtenir leurs ' +
        "documents, les orientent vers les soins de santé et l'accompagnement psychosocial et les mettent en " +
        'relation avec des formations et des emplois, tandis que les communes intègrent les personnes de retour ' +
        'dans leurs plans de développement local et leurs budgets.',
    ),
    illustrative: true,
    country: 'SLV',
    leadUnit: 'SLV-san-salvador',
    coveredUnits: ['SLV-san-salvador', 'SLV-santa-ana', 'SLV-sonsonate'],
    startDate: '2024-02-01',
    endDate: '2026-07-31',
    budgetUsd: 850000,
    themes: ['SERVICES', 'GOVERNANCE'],
    iatiIdentifier: iati('SLV-RETURN'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Returnees welcomed and referred by municipal offices',
          'Personas retornadas acogidas y derivadas por las oficinas municipales',
          'Personnes de retour accueillies et orientées par les bureaux communaux',
        ),
        description: t(
          'Each returnee gets a first interview, help with documents and referrals to the services they need.',
          'Cada persona retornada recibe una primera entrevista, ayuda con sus documentos y derivaciones a los ' +
            'servicios que necesita.',
          "Chaque personne de retour bénéficie d'un premier entretien, d'une aide pour ses documents et d'une " +
            'orientation vers les services dont elle a besoin.',
        ),
        indicators: ['MIG_SERVED', 'REFERRALS', 'SATISFACTION'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Returnees included in local development',
          'Población retornada incluida en el desarrollo local',
          'Personnes de retour intégrées au développement local',
        ),
        description: t(
          'Returnees find work or start businesses, and the municipalities plan and budget for their reintegration.',
          'Las personas retornadas encuentran trabajo o emprenden, y los municipios planifican y presupuestan su ' +
            'reintegración.',
          'Les personnes de retour trouvent un emploi ou créent une activité, et les communes planifient et ' +
            'budgétisent leur réinsertion.',
        ),
        indicators: ['LIVELIHOOD', 'LDP_STAGE', 'BUDGET_SHARE'],
      },
    ],
  },
  {
    code: 'SLV-HOMETOWN',
    name: t(
      'Hometown associations co-investing in eastern and northern municipalities',
      'Comités de oriundos que coinvierten en municipios del oriente y del norte',
      "Associations de ressortissants coinvestissant dans les communes de l'est et du nord",
    ),
    description: t(
      'Illustrative project: San Miguel, Intipucá and Chalatenango, where many families have relatives in the ' +
        'United States, set up municipal diaspora committees with hometown associations. Together they choose local ' +
        'development priorities, co-finance community infrastructure and small enterprises, and build migration ' +
        'into municipal plans.',
      'Proyecto ilustrativo: San Miguel, Intipucá y Chalatenango, donde muchas familias tienen parientes en Estados ' +
        'Unidos, crean comités municipales de la diáspora junto con los comités de oriundos. Juntos eligen las ' +
        'prioridades de desarrollo local, cofinancian infraestructura comunitaria y pequeñas empresas e incorporan ' +
        'la migración en los planes municipales.',
      'Projet illustratif : San Miguel, Intipucá et Chalatenango, où de nombreuses familles ont des proches aux ' +
        'États-Unis, créent des comités communaux de la diaspora avec les associations de ressortissants. Ensemble, ' +
        'ils choisissent les priorités de développement local, cofinancent des infrastructures communautaires et de ' +
        'petites entreprises et intègrent la migration aux plans communaux.',
    ),
    illustrative: true,
    country: 'SLV',
    leadUnit: 'SLV-san-miguel',
    coveredUnits: ['SLV-san-miguel', 'SLV-intipuca', 'SLV-chalatenango'],
    startDate: '2024-10-01',
    endDate: '2027-03-31',
    budgetUsd: 540000,
    themes: ['DIASPORA', 'GOVERNANCE'],
    iatiIdentifier: iati('SLV-HOMETOWN'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Diaspora committees active in each municipality',
          'Comités de la diáspora activos en cada municipio',
          'Comités de la diaspora actifs dans chaque commune',
        ),
        description: t(
          'The committees bring hometown associations and municipal councils together, in person and online.',
          'Los comités reúnen a los comités de oriundos y a los concejos municipales, de forma presencial y en línea.',
          'Les comités réunissent les associations de ressortissants et les conseils municipaux, sur place et en ' +
            'ligne.',
        ),
        indicators: ['MIG_COUNCIL', 'DIASPORA_PARTICIPANTS', 'COORD_MEETINGS'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Diaspora investment in local development plans',
          'Inversión de la diáspora en los planes de desarrollo local',
          'Investissement de la diaspora dans les plans de développement local',
        ),
        description: t(
          'Co-financed projects are part of the municipal development plan and followed up by the council.',
          'Los proyectos cofinanciados forman parte del plan de desarrollo municipal y el concejo les da seguimiento.',
          'Les projets cofinancés font partie du plan de développement communal et sont suivis par le conseil ' +
            'municipal.',
        ),
        indicators: ['DIASPORA_USD', 'LDP_STAGE'],
      },
    ],
  },
  {
    code: 'MAR-WELCOME',
    name: t(
      'Welcoming cities in the north and east of Morocco',
      'Ciudades de acogida en el norte y el este de Marruecos',
      "Villes accueillantes dans le nord et l'est du Maroc",
    ),
    description: t(
      'Illustrative project: Tanger, Oujda, Nador and Rabat receive sub-Saharan migrants who have settled in ' +
        'Morocco since the national regularisation campaigns, as well as people in transit towards Europe. ' +
        'Municipal help offices, emergency night shelters run with civil society and an anti-rumour network aim to ' +
        'give everyone access to basic services and to ease tensions in the neighbourhoods.',
      'Proyecto ilustrativo: Tánger, Uchda, Nador y Rabat acogen a personas migrantes subsaharianas que se ' +
        'instalaron en Marruecos tras las campañas nacionales de regularización, así como a personas en tránsito ' +
        'hacia Europa. Oficinas municipales de atención, albergues nocturnos de emergencia gestionados con la ' +
        'sociedad civil y una red antirrumores buscan garantizar a todas las personas el acceso a los servicios ' +
        'básicos y reducir las tensiones en los barrios.',
      'Projet illustratif : Tanger, Oujda, Nador et Rabat accueillent des migrants subsahariens installés au Maroc ' +
        "depuis les campagnes nationales de régularisation, ainsi que des personnes en transit vers l'Europe. Des " +
        "bureaux d'accueil communaux, des hébergements d'urgence de nuit gérés avec la société civile et un réseau " +
        "anti-rumeurs visent à garantir à tous l'accès aux services de base et à apaiser les tensions dans les " +
        'quartiers.',
    ),
    illustrative: true,
    country: 'MAR',
    leadUnit: 'MAR-oujda',
    coveredUnits: ['MAR-oujda', 'MAR-nador', 'MAR-tanger', 'MAR-rabat'],
    startDate: '2024-04-01',
    endDate: '2026-09-30',
    budgetUsd: 1100000,
    themes: ['RIGHTS', 'COHESION', 'SERVICES'],
    iatiIdentifier: iati('MAR-WELCOME'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Emergency shelter and services for people in transit',
          'Albergue de emergencia y servicios para personas en tránsito',
          "Hébergement d'urgence et services pour les personnes en transit",
        ),
        description: t(
          'People in transit find a safe place to sleep, first aid and referrals to health and legal services.',
          'Las personas en tránsito encuentran un lugar seguro para dormir, primeros auxilios y derivaciones a ' +
            'servicios de salud y jurídicos.',
          'Les personnes en transit trouvent un lieu sûr pour dormir, des premiers soins et une orientation vers ' +
            'les services de santé et juridiques.',
        ),
        indicators: ['TRANSIT_PEAK', 'MIG_SERVED', 'REFERRALS'],
      },
      {
        code: 'R2',
        type: 'output',
        title: t(
          'Municipal help offices with trained staff',
          'Oficinas municipales de atención con personal capacitado',
          "Bureaux d'accueil communaux dotés d'agents formés",
        ),
        description: t(
          "Each city has a help office whose staff are trained on migrants' rights and on the local referral pathways.",
          'Cada ciudad cuenta con una oficina de atención cuyo personal está capacitado en los derechos de las ' +
            'personas migrantes y en las rutas locales de derivación.',
          "Chaque ville dispose d'un bureau d'accueil dont les agents sont formés aux droits des personnes " +
            "migrantes et aux circuits locaux d'orientation.",
        ),
        indicators: ['HELP_OFFICE', 'OFFICIALS_TRAINED'],
      },
      {
        code: 'R3',
        type: 'outcome',
        title: t(
          'Calmer neighbourhoods, fewer prejudices',
          'Barrios más tranquilos, menos prejuicios',
          'Des quartiers apaisés, moins de préjugés',
        ),
        description: t(
          'Anti-rumour agents and public events change how residents see their migrant neighbours.',
          'Los agentes antirrumores y las actividades públicas cambian la forma en que la población ve a sus ' +
            'vecinos migrantes.',
          'Les agents anti-rumeurs et les événements publics changent le regard des habitants sur leurs voisins ' +
            'migrants.',
        ),
        indicators: ['ANTIRUMOUR_AGENTS', 'CAMPAIGN_REACH', 'PERCEPTION'],
      },
    ],
  },
  {
    code: 'MAR-DIASPORA',
    name: t(
      'Moroccans abroad investing in their home regions',
      'Marroquíes residentes en el extranjero que invierten en sus regiones de origen',
      "Les Marocains résidant à l'étranger investissent dans leurs régions d'origine",
    ),
    description: t(
      'Illustrative project: Beni Mellal, whose emigrants live mostly in Italy and Spain, leads a network with Fès, ' +
        'Marrakech and Casablanca to involve Moroccans living abroad in local development. The municipalities hold ' +
        'summer investment forums when the diaspora comes home, support returnee entrepreneurs and take the ' +
        'diaspora into account in their communal action plans.',
      'Proyecto ilustrativo: Beni Melal, cuya población emigrada vive sobre todo en Italia y España, encabeza una ' +
        'red con Fez, Marrakech y Casablanca para implicar a los marroquíes residentes en el extranjero en el ' +
        'desarrollo local. Los municipios organizan foros de inversión en verano, cuando la diáspora regresa, ' +
        'apoyan a los emprendedores retornados y tienen en cuenta a la diáspora en sus planes de acción ' +
        'municipales.',
      'Projet illustratif : Béni Mellal, dont les émigrés vivent surtout en Italie et en Espagne, anime un réseau ' +
        "avec Fès, Marrakech et Casablanca pour associer les Marocains résidant à l'étranger au développement " +
        "local. Les communes organisent des forums d'investissement l'été, au moment du retour de la diaspora, " +
        "accompagnent les entrepreneurs de retour et prennent en compte la diaspora dans leurs plans d'action " +
        'communaux.',
    ),
    illustrative: true,
    country: 'MAR',
    leadUnit: 'MAR-beni-mellal',
    coveredUnits: ['MAR-beni-mellal', 'MAR-fes', 'MAR-marrakech', 'MAR-casablanca'],
    startDate: '2023-06-01',
    endDate: '2025-12-31',
    budgetUsd: 950000,
    themes: ['DIASPORA', 'GOVERNANCE'],
    iatiIdentifier: iati('MAR-DIASPORA'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Summer investment forums with the diaspora',
          'Foros de inversión de verano con la diáspora',
          "Forums d'investissement estivaux avec la diaspora",
        ),
        description: t(
          'Members of the diaspora meet municipalities, banks and local entrepreneurs, and returnees are coached to ' +
            'start businesses.',
          'Los miembros de la diáspora se reúnen con los municipios, los bancos y los emprendedores locales, y las ' +
            'personas retornadas reciben acompañamiento para emprender.',
          'Les membres de la diaspora rencontrent communes, banques et entrepreneurs locaux, et les personnes de ' +
            "retour sont accompagnées dans la création d'entreprise.",
        ),
        indicators: ['DIASPORA_PARTICIPANTS', 'DIASPORA_USD', 'LIVELIHOOD'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'The diaspora in communal action plans and budgets',
          'La diáspora en los planes de acción y los presupuestos municipales',
          "La diaspora dans les plans d'action et les budgets communaux",
        ),
        description: t(
          'Communal action plans include the priorities of the diaspora and set aside a budget line for migration ' +
            'services.',
          'Los planes de acción municipales incluyen las prioridades de la diáspora y reservan una partida ' +
            'presupuestaria para servicios relacionados con la migración.',
          "Les plans d'action communaux intègrent les priorités de la diaspora et prévoient une ligne budgétaire " +
            'pour les services liés à la migration.',
        ),
        indicators: ['LDP_STAGE', 'BUDGET_SHARE'],
      },
    ],
  },
  {
    code: 'NPL-SAFE-MIGRATION',
    name: t(
      'Migrant resource centres for safe labour migration',
      'Centros de recursos para una migración laboral segura',
      'Centres de ressources pour une migration de travail sûre',
    ),
    description: t(
      'Illustrative project: in Kathmandu, Biratnagar, Janakpur and Birgunj, from where many young men and, ' +
        'increasingly, women leave to work in the Gulf countries and Malaysia, municipal migrant resource centres ' +
        'inform people about safe recruitment, support the families left behind and help returnees, and the ' +
        'families of migrants who died or were abused abroad, to claim compensation. Municipal migration committees ' +
        'coordinate with the provincial and federal governments.',
      'Proyecto ilustrativo: en Katmandú, Biratnagar, Janakpur y Birgunj, desde donde muchos hombres jóvenes y, ' +
        'cada vez más, mujeres salen a trabajar a los países del Golfo y a Malasia, los centros municipales de ' +
        'recursos para migrantes informan sobre el reclutamiento seguro, apoyan a las familias que se quedan y ' +
        'ayudan a las personas retornadas, y a las familias de migrantes fallecidos o víctimas de abusos en el ' +
        'extranjero, a reclamar una indemnización. Los comités municipales de migración se coordinan con los ' +
        'gobiernos provinciales y el gobierno federal.',
      "Projet illustratif : à Katmandou, Biratnagar, Janakpur et Birgunj, d'où de nombreux jeunes hommes et, de " +
        'plus en plus, des femmes partent travailler dans les pays du Golfe et en Malaisie, les centres municipaux ' +
        'de ressources pour migrants informent sur le recrutement sûr, soutiennent les familles restées au pays et ' +
        "aident les personnes de retour, ainsi que les familles de migrants décédés ou victimes d'abus à " +
        "l'étranger, à obtenir une indemnisation. Les comités municipaux de la migration se coordonnent avec les " +
        'gouvernements provinciaux et le gouvernement fédéral.',
    ),
    illustrative: true,
    country: 'NPL',
    leadUnit: 'NPL-janakpur',
    coveredUnits: ['NPL-janakpur', 'NPL-kathmandu', 'NPL-biratnagar', 'NPL-birgunj'],
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    budgetUsd: 720000,
    themes: ['RIGHTS', 'SERVICES', 'CAPACITY'],
    iatiIdentifier: iati('NPL-SAFE-MIGRATION'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Migrant resource centres open in each municipality',
          'Centros de recursos para migrantes abiertos en cada municipio',
          'Centres de ressources pour migrants ouverts dans chaque municipalité',
        ),
        description: t(
          'Prospective migrants, families and returnees get information, counselling and referrals.',
          'Las personas que planean migrar, las familias y las personas retornadas reciben información, orientación ' +
            'y derivaciones.',
          'Les candidats au départ, les familles et les personnes de retour reçoivent information, conseils et ' +
            'orientation.',
        ),
        indicators: ['HELP_OFFICE', 'MIG_SERVED', 'REFERRALS', 'SATISFACTION'],
      },
      {
        code: 'R2',
        type: 'output',
        title: t(
          'Municipal migration committees working with the province and the federation',
          'Comités municipales de migración coordinados con la provincia y la federación',
          "Comités municipaux de la migration en lien avec la province et l'État fédéral",
        ),
        description: t(
          'The committees meet regularly, their members are trained and they take part in provincial and federal ' +
            'coordination.',
          'Los comités se reúnen con regularidad, sus miembros están capacitados y participan en la coordinación ' +
            'provincial y federal.',
          'Les comités se réunissent régulièrement, leurs membres sont formés et ils participent à la coordination ' +
            'provinciale et fédérale.',
        ),
        indicators: ['MIG_COUNCIL', 'OFFICIALS_TRAINED', 'COORD_MEETINGS'],
      },
    ],
  },
  {
    code: 'NPL-REMITTANCES',
    name: t(
      'From remittances to local enterprise in western Nepal',
      'De las remesas a la empresa local en el oeste de Nepal',
      "Des transferts de fonds à l'entreprise locale dans l'ouest du Népal",
    ),
    description: t(
      'Illustrative project: Pokhara, Butwal, Nepalgunj and Dhangadhi help returning migrant workers and ' +
        'remittance-receiving families turn their savings and the skills gained abroad into local businesses, ' +
        'through financial literacy, skills certification and start-up coaching, and include returnee ' +
        'entrepreneurship in their municipal periodic plans.',
      'Proyecto ilustrativo: Pokhara, Butwal, Nepalgunj y Dhangadhi ayudan a las personas trabajadoras migrantes ' +
        'que regresan y a las familias que reciben remesas a convertir sus ahorros y las competencias adquiridas en ' +
        'el extranjero en negocios locales, mediante educación financiera, certificación de competencias y ' +
        'acompañamiento al emprendimiento, e incluyen el emprendimiento de las personas retornadas en sus planes ' +
        'periódicos municipales.',
      'Projet illustratif : Pokhara, Butwal, Nepalgunj et Dhangadhi aident les travailleurs migrants de retour et ' +
        'les familles qui reçoivent des transferts de fonds à transformer leur épargne et les compétences acquises ' +
        "à l'étranger en entreprises locales, grâce à l'éducation financière, à la certification des compétences et " +
        "à l'accompagnement à la création d'entreprise, et intègrent l'entrepreneuriat des personnes de retour dans " +
        'leurs plans périodiques municipaux.',
    ),
    illustrative: true,
    country: 'NPL',
    leadUnit: 'NPL-pokhara',
    coveredUnits: ['NPL-pokhara', 'NPL-butwal', 'NPL-nepalgunj', 'NPL-dhangadhi'],
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    budgetUsd: 680000,
    themes: ['DIASPORA', 'CAPACITY'],
    iatiIdentifier: iati('NPL-REMITTANCES'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Returnees and families start businesses',
          'Personas retornadas y familias crean negocios',
          'Personnes de retour et familles créent des entreprises',
        ),
        description: t(
          "Returnees are coached into jobs or self-employment, and part of the families' remittances is invested " +
            'locally.',
          'Las personas retornadas reciben acompañamiento para conseguir empleo o trabajar por cuenta propia, y ' +
            'parte de las remesas familiares se invierte en el lugar.',
          "Les personnes de retour sont accompagnées vers l'emploi ou une activité indépendante, et une partie des " +
            'transferts familiaux est investie sur place.',
        ),
        indicators: ['LIVELIHOOD', 'DIASPORA_USD'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Returnee entrepreneurship in municipal plans',
          'El emprendimiento de las personas retornadas en los planes municipales',
          "L'entrepreneuriat des personnes de retour dans les plans municipaux",
        ),
        description: t(
          'Municipal staff are trained and periodic plans include support for returnee entrepreneurs.',
          'El personal municipal está capacitado y los planes periódicos incluyen apoyo a los emprendedores ' +
            'retornados.',
          'Les agents municipaux sont formés et les plans périodiques prévoient un appui aux entrepreneurs de retour.',
        ),
        indicators: ['OFFICIALS_TRAINED', 'LDP_STAGE'],
      },
    ],
  },
  {
    code: 'TUN-SOUTH',
    name: t(
      'Protection and local services for migrants in southern Tunisia',
      'Protección y servicios locales para personas migrantes en el sur de Túnez',
      'Protection et services de proximité pour les personnes migrantes dans le sud tunisien',
    ),
    description: t(
      'Illustrative project: Sfax, Zarzis and Gafsa host migrants from sub-Saharan Africa, many of them in transit, ' +
        'as well as Tunisians returned from Europe. With local associations, the municipalities provide emergency ' +
        'shelter, first aid and referrals, train anti-rumour agents in neighbourhoods under strain and meet ' +
        'regularly with regional and national authorities.',
      'Proyecto ilustrativo: Sfax, Zarzis y Gafsa acogen a personas migrantes de África subsahariana, muchas de ' +
        'ellas en tránsito, así como a tunecinos retornados desde Europa. Junto con asociaciones locales, los ' +
        'municipios ofrecen alojamiento de emergencia, primeros auxilios y derivaciones, forman a agentes ' +
        'antirrumores en los barrios con más tensiones y se reúnen periódicamente con las autoridades regionales y ' +
        'nacionales.',
      "Projet illustratif : Sfax, Zarzis et Gafsa accueillent des personnes migrantes venues d'Afrique " +
        "subsaharienne, dont beaucoup sont en transit, ainsi que des Tunisiens revenus d'Europe. Avec les " +
        "associations locales, les communes assurent l'hébergement d'urgence, les premiers soins et l'orientation, " +
        'forment des agents anti-rumeurs dans les quartiers sous tension et se réunissent régulièrement avec les ' +
        'autorités régionales et nationales.',
    ),
    illustrative: true,
    country: 'TUN',
    leadUnit: 'TUN-sfax',
    coveredUnits: ['TUN-sfax', 'TUN-zarzis', 'TUN-gafsa'],
    startDate: '2024-09-01',
    endDate: '2026-08-31',
    budgetUsd: 1050000,
    themes: ['RIGHTS', 'SERVICES', 'COHESION'],
    iatiIdentifier: iati('TUN-SOUTH'),
    status: 2,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Emergency shelter and referrals',
          'Alojamiento de emergencia y derivaciones',
          "Hébergement d'urgence et orientation",
        ),
        description: t(
          'People in transit and returnees in distress are sheltered, assisted and referred to health and legal ' +
            'services.',
          'Las personas en tránsito y las retornadas en situación de vulnerabilidad reciben alojamiento, asistencia ' +
            'y derivaciones a servicios de salud y jurídicos.',
          'Les personnes en transit et les personnes de retour en détresse sont hébergées, assistées et orientées ' +
            'vers les services de santé et juridiques.',
        ),
        indicators: ['TRANSIT_PEAK', 'MIG_SERVED', 'REFERRALS'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Less tension between residents and migrants',
          'Menos tensiones entre la población local y las personas migrantes',
          'Moins de tensions entre habitants et personnes migrantes',
        ),
        description: t(
          'Anti-rumour agents work in the neighbourhoods, and municipalities, governorates and ministries ' +
            'coordinate their response.',
          'Los agentes antirrumores trabajan en los barrios, y los municipios, las gobernaciones y los ministerios ' +
            'coordinan su respuesta.',
          'Les agents anti-rumeurs interviennent dans les quartiers, et communes, gouvernorats et ministères ' +
            'coordonnent leur réponse.',
        ),
        indicators: ['ANTIRUMOUR_AGENTS', 'PERCEPTION', 'COORD_MEETINGS'],
      },
    ],
  },
  {
    code: 'TUN-DIASPORA',
    name: t(
      "Diaspora skills and investment for Tunisia's interior regions",
      'Competencias e inversión de la diáspora para las regiones del interior de Túnez',
      'Compétences et investissements de la diaspora pour les régions intérieures de la Tunisie',
    ),
    description: t(
      'Illustrative project: Kairouan and Kasserine, in the interior of the country, teamed up with Tunis and ' +
        'Sousse to involve Tunisians abroad in local development. Diaspora professionals coached municipal staff, ' +
        'took part in planning forums and invested in local businesses, while municipal migration councils followed ' +
        'the work.',
      'Proyecto ilustrativo: Kairuán y Kasserine, en el interior del país, se asociaron con Túnez y Susa para ' +
        'implicar a los tunecinos en el extranjero en el desarrollo local. Profesionales de la diáspora acompañaron ' +
        'al personal municipal, participaron en foros de planificación e invirtieron en empresas locales, mientras ' +
        'los consejos municipales de migración daban seguimiento al trabajo.',
      "Projet illustratif : Kairouan et Kasserine, dans l'intérieur du pays, se sont associées à Tunis et Sousse " +
        "pour impliquer les Tunisiens à l'étranger dans le développement local. Des professionnels de la diaspora " +
        'ont accompagné les agents municipaux, participé aux forums de planification et investi dans des ' +
        'entreprises locales, tandis que les conseils municipaux de la migration suivaient les travaux.',
    ),
    illustrative: true,
    country: 'TUN',
    leadUnit: 'TUN-kairouan',
    coveredUnits: ['TUN-kairouan', 'TUN-kasserine', 'TUN-tunis', 'TUN-sousse'],
    startDate: '2023-03-01',
    endDate: '2025-06-30',
    budgetUsd: 480000,
    themes: ['DIASPORA', 'CAPACITY'],
    iatiIdentifier: iati('TUN-DIASPORA'),
    status: 4,
    results: [
      {
        code: 'R1',
        type: 'output',
        title: t(
          'Diaspora professionals coach municipal staff',
          'Profesionales de la diáspora acompañan al personal municipal',
          'Des professionnels de la diaspora accompagnent les agents municipaux',
        ),
        description: t(
          'Short missions and online mentoring by diaspora professionals strengthen municipal planning and services.',
          'Misiones cortas y mentorías en línea a cargo de profesionales de la diáspora fortalecen la planificación ' +
            'y los servicios municipales.',
          'Des missions courtes et un mentorat en ligne assurés par des professionnels de la diaspora renforcent la ' +
            'planification et les services communaux.',
        ),
        indicators: ['OFFICIALS_TRAINED', 'DIASPORA_PARTICIPANTS', 'MIG_COUNCIL'],
      },
      {
        code: 'R2',
        type: 'outcome',
        title: t(
          'Diaspora investment in the interior',
          'Inversión de la diáspora en el interior del país',
          "Investissement de la diaspora dans l'intérieur du pays",
        ),
        description: t(
          'Diaspora funds support local businesses and migration becomes part of municipal development plans.',
          'Los fondos de la diáspora apoyan a empresas locales y la migración pasa a formar parte de los planes de ' +
            'desarrollo municipal.',
          'Les fonds de la diaspora soutiennent les entreprises locales et la migration est intégrée aux plans de ' +
            'développement communaux.',
        ),
        indicators: ['DIASPORA_USD', 'LDP_STAGE'],
      },
    ],
  },
];
