import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time zones are stored as canonical IANA names. Until now any name Intl accepted was stored
 * as typed ("pacific/tahiti", "EST", "Asia/Calcutta"); this rewrites such values, audited, then
 * a CHECK keeps the shape of a canonical name: "UTC" or Area/Location with the tz database's
 * capitals. The database cannot tell a real zone from a well-shaped invention portably (a
 * CHECK cannot read pg_timezone_names, and PostgreSQL's zone list differs from Node's ICU by
 * version), so which names exist stays the service's check (canonicalTimeZone, TimeZoneChecker).
 *
 * The tables below are frozen here, not imported, so this migration gives the same result
 * whenever it runs: the tz database's links (2025b, via countries-and-timezones 3.10.0) and
 * the Java-style ids ICU also accepted. Legacy abbreviations follow their tz link (EST →
 * America/Panama), which keeps the local times already computed; their audit entries ask for
 * a review. A value that cannot be mapped stops the migration with the rows to fix by hand.
 */
const LINKS = `
Africa/Accra Africa/Abidjan
Africa/Addis_Ababa Africa/Nairobi
Africa/Asmara Africa/Nairobi
Africa/Asmera Africa/Nairobi
Africa/Bamako Africa/Abidjan
Africa/Bangui Africa/Lagos
Africa/Banjul Africa/Abidjan
Africa/Blantyre Africa/Maputo
Africa/Brazzaville Africa/Lagos
Africa/Bujumbura Africa/Maputo
Africa/Conakry Africa/Abidjan
Africa/Dakar Africa/Abidjan
Africa/Dar_es_Salaam Africa/Nairobi
Africa/Djibouti Africa/Nairobi
Africa/Douala Africa/Lagos
Africa/Freetown Africa/Abidjan
Africa/Gaborone Africa/Maputo
Africa/Harare Africa/Maputo
Africa/Kampala Africa/Nairobi
Africa/Kigali Africa/Maputo
Africa/Kinshasa Africa/Lagos
Africa/Libreville Africa/Lagos
Africa/Lome Africa/Abidjan
Africa/Luanda Africa/Lagos
Africa/Lubumbashi Africa/Maputo
Africa/Lusaka Africa/Maputo
Africa/Malabo Africa/Lagos
Africa/Maseru Africa/Johannesburg
Africa/Mbabane Africa/Johannesburg
Africa/Mogadishu Africa/Nairobi
Africa/Niamey Africa/Lagos
Africa/Nouakchott Africa/Abidjan
Africa/Ouagadougou Africa/Abidjan
Africa/Porto-Novo Africa/Lagos
Africa/Timbuktu Africa/Abidjan
America/Anguilla America/Puerto_Rico
America/Antigua America/Puerto_Rico
America/Argentina/ComodRivadavia America/Argentina/Catamarca
America/Aruba America/Puerto_Rico
America/Atikokan America/Panama
America/Atka America/Adak
America/Blanc-Sablon America/Puerto_Rico
America/Buenos_Aires America/Argentina/Buenos_Aires
America/Catamarca America/Argentina/Catamarca
America/Cayman America/Panama
America/Coral_Harbour America/Panama
America/Cordoba America/Argentina/Cordoba
America/Creston America/Phoenix
America/Curacao America/Puerto_Rico
America/Dominica America/Puerto_Rico
America/Ensenada America/Tijuana
America/Fort_Wayne America/Indiana/Indianapolis
America/Godthab America/Nuuk
America/Grenada America/Puerto_Rico
America/Guadeloupe America/Puerto_Rico
America/Indianapolis America/Indiana/Indianapolis
America/Jujuy America/Argentina/Jujuy
America/Knox_IN America/Indiana/Knox
America/Kralendijk America/Puerto_Rico
America/Louisville America/Kentucky/Louisville
America/Lower_Princes America/Puerto_Rico
America/Marigot America/Puerto_Rico
America/Mendoza America/Argentina/Mendoza
America/Montreal America/Toronto
America/Montserrat America/Puerto_Rico
America/Nassau America/Toronto
America/Nipigon America/Toronto
America/Pangnirtung America/Iqaluit
America/Port_of_Spain America/Puerto_Rico
America/Porto_Acre America/Rio_Branco
America/Rainy_River America/Winnipeg
America/Rosario America/Argentina/Cordoba
America/Santa_Isabel America/Tijuana
America/Shiprock America/Denver
America/St_Barthelemy America/Puerto_Rico
America/St_Kitts America/Puerto_Rico
America/St_Lucia America/Puerto_Rico
America/St_Thomas America/Puerto_Rico
America/St_Vincent America/Puerto_Rico
America/Thunder_Bay America/Toronto
America/Tortola America/Puerto_Rico
America/Virgin America/Puerto_Rico
America/Yellowknife America/Edmonton
Antarctica/DumontDUrville Pacific/Port_Moresby
Antarctica/McMurdo Pacific/Auckland
Antarctica/South_Pole Pacific/Auckland
Antarctica/Syowa Asia/Riyadh
Arctic/Longyearbyen Europe/Berlin
Asia/Aden Asia/Riyadh
Asia/Ashkhabad Asia/Ashgabat
Asia/Bahrain Asia/Qatar
Asia/Brunei Asia/Kuching
Asia/Calcutta Asia/Kolkata
Asia/Choibalsan Asia/Ulaanbaatar
Asia/Chongqing Asia/Shanghai
Asia/Chungking Asia/Shanghai
Asia/Dacca Asia/Dhaka
Asia/Harbin Asia/Shanghai
Asia/Istanbul Europe/Istanbul
Asia/Kashgar Asia/Urumqi
Asia/Katmandu Asia/Kathmandu
Asia/Kuala_Lumpur Asia/Singapore
Asia/Kuwait Asia/Riyadh
Asia/Macao Asia/Macau
Asia/Muscat Asia/Dubai
Asia/Phnom_Penh Asia/Bangkok
Asia/Rangoon Asia/Yangon
Asia/Saigon Asia/Ho_Chi_Minh
Asia/Tel_Aviv Asia/Jerusalem
Asia/Thimbu Asia/Thimphu
Asia/Ujung_Pandang Asia/Makassar
Asia/Ulan_Bator Asia/Ulaanbaatar
Asia/Vientiane Asia/Bangkok
Atlantic/Faeroe Atlantic/Faroe
Atlantic/Jan_Mayen Europe/Berlin
Atlantic/Reykjavik Africa/Abidjan
Atlantic/St_Helena Africa/Abidjan
Australia/ACT Australia/Sydney
Australia/Canberra Australia/Sydney
Australia/Currie Australia/Hobart
Australia/LHI Australia/Lord_Howe
Australia/North Australia/Darwin
Australia/NSW Australia/Sydney
Australia/Queensland Australia/Brisbane
Australia/South Australia/Adelaide
Australia/Tasmania Australia/Hobart
Australia/Victoria Australia/Melbourne
Australia/West Australia/Perth
Australia/Yancowinna Australia/Broken_Hill
Brazil/Acre America/Rio_Branco
Brazil/DeNoronha America/Noronha
Brazil/East America/Sao_Paulo
Brazil/West America/Manaus
Canada/Atlantic America/Halifax
Canada/Central America/Winnipeg
Canada/Eastern America/Toronto
Canada/Mountain America/Edmonton
Canada/Newfoundland America/St_Johns
Canada/Pacific America/Vancouver
Canada/Saskatchewan America/Regina
Canada/Yukon America/Whitehorse
CET Europe/Brussels
Chile/Continental America/Santiago
Chile/EasterIsland Pacific/Easter
CST6CDT America/Chicago
Cuba America/Havana
EET Europe/Athens
Egypt Africa/Cairo
Eire Europe/Dublin
EST America/Panama
EST5EDT America/New_York
Etc/GMT-0 Etc/GMT
Etc/GMT+0 Etc/GMT
Etc/GMT0 Etc/GMT
Etc/Greenwich Etc/GMT
Etc/UCT Etc/UTC
Etc/Universal Etc/UTC
Etc/Zulu Etc/UTC
Europe/Amsterdam Europe/Brussels
Europe/Belfast Europe/London
Europe/Bratislava Europe/Prague
Europe/Busingen Europe/Zurich
Europe/Copenhagen Europe/Berlin
Europe/Guernsey Europe/London
Europe/Isle_of_Man Europe/London
Europe/Jersey Europe/London
Europe/Kiev Europe/Kyiv
Europe/Ljubljana Europe/Belgrade
Europe/Luxembourg Europe/Brussels
Europe/Mariehamn Europe/Helsinki
Europe/Monaco Europe/Paris
Europe/Nicosia Asia/Nicosia
Europe/Oslo Europe/Berlin
Europe/Podgorica Europe/Belgrade
Europe/San_Marino Europe/Rome
Europe/Sarajevo Europe/Belgrade
Europe/Skopje Europe/Belgrade
Europe/Stockholm Europe/Berlin
Europe/Tiraspol Europe/Chisinau
Europe/Uzhgorod Europe/Kyiv
Europe/Vaduz Europe/Zurich
Europe/Vatican Europe/Rome
Europe/Zagreb Europe/Belgrade
Europe/Zaporozhye Europe/Kyiv
GB Europe/London
GB-Eire Europe/London
GMT Etc/GMT
GMT-0 Etc/GMT
GMT+0 Etc/GMT
GMT0 Etc/GMT
Greenwich Etc/GMT
Hongkong Asia/Hong_Kong
HST Pacific/Honolulu
Iceland Africa/Abidjan
Indian/Antananarivo Africa/Nairobi
Indian/Christmas Asia/Bangkok
Indian/Cocos Asia/Yangon
Indian/Comoro Africa/Nairobi
Indian/Kerguelen Indian/Maldives
Indian/Mahe Asia/Dubai
Indian/Mayotte Africa/Nairobi
Indian/Reunion Asia/Dubai
Iran Asia/Tehran
Israel Asia/Jerusalem
Jamaica America/Jamaica
Japan Asia/Tokyo
Kwajalein Pacific/Kwajalein
Libya Africa/Tripoli
MET Europe/Brussels
Mexico/BajaNorte America/Tijuana
Mexico/BajaSur America/Mazatlan
Mexico/General America/Mexico_City
MST America/Phoenix
MST7MDT America/Denver
Navajo America/Denver
NZ Pacific/Auckland
NZ-CHAT Pacific/Chatham
Pacific/Chuuk Pacific/Port_Moresby
Pacific/Enderbury Pacific/Kanton
Pacific/Funafuti Pacific/Tarawa
Pacific/Johnston Pacific/Honolulu
Pacific/Majuro Pacific/Tarawa
Pacific/Midway Pacific/Pago_Pago
Pacific/Pohnpei Pacific/Guadalcanal
Pacific/Ponape Pacific/Guadalcanal
Pacific/Saipan Pacific/Guam
Pacific/Samoa Pacific/Pago_Pago
Pacific/Truk Pacific/Port_Moresby
Pacific/Wake Pacific/Tarawa
Pacific/Wallis Pacific/Tarawa
Pacific/Yap Pacific/Port_Moresby
Poland Europe/Warsaw
Portugal Europe/Lisbon
PRC Asia/Shanghai
PST8PDT America/Los_Angeles
ROC Asia/Taipei
ROK Asia/Seoul
Singapore Asia/Singapore
Turkey Europe/Istanbul
UCT Etc/UTC
Universal Etc/UTC
US/Alaska America/Anchorage
US/Aleutian America/Adak
US/Arizona America/Phoenix
US/Central America/Chicago
US/East-Indiana America/Indiana/Indianapolis
US/Eastern America/New_York
US/Hawaii Pacific/Honolulu
US/Indiana-Starke America/Indiana/Knox
US/Michigan America/Detroit
US/Mountain America/Denver
US/Pacific America/Los_Angeles
US/Samoa Pacific/Pago_Pago
UTC Etc/UTC
W-SU Europe/Moscow
WET Europe/Lisbon
Zulu Etc/UTC
`;

const ZONES = `
Africa/Abidjan Africa/Algiers Africa/Bissau Africa/Cairo Africa/Casablanca Africa/Ceuta Africa/El_Aaiun Africa/Johannesburg Africa/Juba
Africa/Khartoum Africa/Lagos Africa/Maputo Africa/Monrovia Africa/Nairobi Africa/Ndjamena Africa/Sao_Tome Africa/Tripoli Africa/Tunis Africa/Windhoek
America/Adak America/Anchorage America/Araguaina America/Argentina/Buenos_Aires America/Argentina/Catamarca America/Argentina/Cordoba
America/Argentina/Jujuy America/Argentina/La_Rioja America/Argentina/Mendoza America/Argentina/Rio_Gallegos America/Argentina/Salta
America/Argentina/San_Juan America/Argentina/San_Luis America/Argentina/Tucuman America/Argentina/Ushuaia America/Asuncion America/Bahia
America/Bahia_Banderas America/Barbados America/Belem America/Belize America/Boa_Vista America/Bogota America/Boise America/Cambridge_Bay
America/Campo_Grande America/Cancun America/Caracas America/Cayenne America/Chicago America/Chihuahua America/Ciudad_Juarez America/Costa_Rica
America/Coyhaique America/Cuiaba America/Danmarkshavn America/Dawson America/Dawson_Creek America/Denver America/Detroit America/Edmonton
America/Eirunepe America/El_Salvador America/Fort_Nelson America/Fortaleza America/Glace_Bay America/Goose_Bay America/Grand_Turk America/Guatemala
America/Guayaquil America/Guyana America/Halifax America/Havana America/Hermosillo America/Indiana/Indianapolis America/Indiana/Knox
America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Tell_City America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac
America/Inuvik America/Iqaluit America/Jamaica America/Juneau America/Kentucky/Louisville America/Kentucky/Monticello America/La_Paz America/Lima
America/Los_Angeles America/Maceio America/Managua America/Manaus America/Martinique America/Matamoros America/Mazatlan America/Menominee
America/Merida America/Metlakatla America/Mexico_City America/Miquelon America/Moncton America/Monterrey America/Montevideo America/New_York
America/Nome America/Noronha America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Nuuk America/Ojinaga
America/Panama America/Paramaribo America/Phoenix America/Port-au-Prince America/Porto_Velho America/Puerto_Rico America/Punta_Arenas
America/Rankin_Inlet America/Recife America/Regina America/Resolute America/Rio_Branco America/Santarem America/Santiago America/Santo_Domingo
America/Sao_Paulo America/Scoresbysund America/Sitka America/St_Johns America/Swift_Current America/Tegucigalpa America/Thule America/Tijuana
America/Toronto America/Vancouver America/Whitehorse America/Winnipeg America/Yakutat Antarctica/Casey Antarctica/Davis Antarctica/Macquarie
Antarctica/Mawson Antarctica/Palmer Antarctica/Rothera Antarctica/Troll Antarctica/Vostok Asia/Almaty Asia/Amman Asia/Anadyr Asia/Aqtau Asia/Aqtobe
Asia/Ashgabat Asia/Atyrau Asia/Baghdad Asia/Baku Asia/Bangkok Asia/Barnaul Asia/Beirut Asia/Bishkek Asia/Chita Asia/Colombo Asia/Damascus Asia/Dhaka
Asia/Dili Asia/Dubai Asia/Dushanbe Asia/Famagusta Asia/Gaza Asia/Hebron Asia/Ho_Chi_Minh Asia/Hong_Kong Asia/Hovd Asia/Irkutsk Asia/Jakarta
Asia/Jayapura Asia/Jerusalem Asia/Kabul Asia/Kamchatka Asia/Karachi Asia/Kathmandu Asia/Khandyga Asia/Kolkata Asia/Krasnoyarsk Asia/Kuching
Asia/Macau Asia/Magadan Asia/Makassar Asia/Manila Asia/Nicosia Asia/Novokuznetsk Asia/Novosibirsk Asia/Omsk Asia/Oral Asia/Pontianak Asia/Pyongyang
Asia/Qatar Asia/Qostanay Asia/Qyzylorda Asia/Riyadh Asia/Sakhalin Asia/Samarkand Asia/Seoul Asia/Shanghai Asia/Singapore Asia/Srednekolymsk
Asia/Taipei Asia/Tashkent Asia/Tbilisi Asia/Tehran Asia/Thimphu Asia/Tokyo Asia/Tomsk Asia/Ulaanbaatar Asia/Urumqi Asia/Ust-Nera Asia/Vladivostok
Asia/Yakutsk Asia/Yangon Asia/Yekaterinburg Asia/Yerevan Atlantic/Azores Atlantic/Bermuda Atlantic/Canary Atlantic/Cape_Verde Atlantic/Faroe
Atlantic/Madeira Atlantic/South_Georgia Atlantic/Stanley Australia/Adelaide Australia/Brisbane Australia/Broken_Hill Australia/Darwin Australia/Eucla
Australia/Hobart Australia/Lindeman Australia/Lord_Howe Australia/Melbourne Australia/Perth Australia/Sydney Etc/GMT Etc/GMT+1 Etc/GMT+10 Etc/GMT+11
Etc/GMT+12 Etc/GMT+2 Etc/GMT+3 Etc/GMT+4 Etc/GMT+5 Etc/GMT+6 Etc/GMT+7 Etc/GMT+8 Etc/GMT+9 Etc/GMT-1 Etc/GMT-10 Etc/GMT-11 Etc/GMT-12 Etc/GMT-13
Etc/GMT-14 Etc/GMT-2 Etc/GMT-3 Etc/GMT-4 Etc/GMT-5 Etc/GMT-6 Etc/GMT-7 Etc/GMT-8 Etc/GMT-9 Etc/UTC Europe/Andorra Europe/Astrakhan Europe/Athens
Europe/Belgrade Europe/Berlin Europe/Brussels Europe/Bucharest Europe/Budapest Europe/Chisinau Europe/Dublin Europe/Gibraltar Europe/Helsinki
Europe/Istanbul Europe/Kaliningrad Europe/Kirov Europe/Kyiv Europe/Lisbon Europe/London Europe/Madrid Europe/Malta Europe/Minsk Europe/Moscow
Europe/Paris Europe/Prague Europe/Riga Europe/Rome Europe/Samara Europe/Saratov Europe/Simferopol Europe/Sofia Europe/Tallinn Europe/Tirane
Europe/Ulyanovsk Europe/Vienna Europe/Vilnius Europe/Volgograd Europe/Warsaw Europe/Zurich Factory Indian/Chagos Indian/Maldives Indian/Mauritius
Pacific/Apia Pacific/Auckland Pacific/Bougainville Pacific/Chatham Pacific/Easter Pacific/Efate Pacific/Fakaofo Pacific/Fiji Pacific/Galapagos
Pacific/Gambier Pacific/Guadalcanal Pacific/Guam Pacific/Honolulu Pacific/Kanton Pacific/Kiritimati Pacific/Kosrae Pacific/Kwajalein
Pacific/Marquesas Pacific/Nauru Pacific/Niue Pacific/Norfolk Pacific/Noumea Pacific/Pago_Pago Pacific/Palau Pacific/Pitcairn Pacific/Port_Moresby
Pacific/Rarotonga Pacific/Tahiti Pacific/Tarawa Pacific/Tongatapu
`;

/** Java-style ids ICU accepted (so the former @IsTimeZone did), with the zone ICU computed in. */
const ICU_IDS: Record<string, string> = {
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Maputo',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Nairobi',
  ECT: 'Europe/Paris',
  IET: 'America/Indianapolis',
  IST: 'Asia/Calcutta',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Saigon',
};

const LEGACY = new Set(['CET', 'CST6CDT', 'EET', 'EST', 'EST5EDT', 'HST', 'MET', 'MST', 'MST7MDT', 'PST8PDT', 'WET', ...Object.keys(ICU_IDS)]);
const SHAPE = /^(UTC|[A-Z][A-Za-z]+(\/[A-Z][A-Za-z0-9_+-]*)+)$/;
const SHAPE_SQL = `"time_zone" = 'UTC' OR "time_zone" ~ '^[A-Z][A-Za-z]+(/[A-Z][A-Za-z0-9_+-]*)+$'`;

interface ZoneRow {
  kind: 'event' | 'venue';
  id: string;
  event_id: string;
  time_zone: string;
}

export class CanonicalTimeZones1796158504399 implements MigrationInterface {
  name = 'CanonicalTimeZones1796158504399';

  async up(queryRunner: QueryRunner): Promise<void> {
    const links = new Map(
      LINKS.trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    );
    const spelled = new Map<string, string>();
    const known: Array<{ name: string }> = await queryRunner.query(`SELECT name FROM pg_timezone_names WHERE name !~ '^(posix|right)/'`);
    for (const name of [...known.map((r) => r.name), ...links.keys(), ...ZONES.trim().split(/\s+/)]) spelled.set(name.toLowerCase(), name);
    const canonical = (value: string): string | null => {
      const text = value.trim();
      const name = spelled.get(text.toLowerCase()) ?? ICU_IDS[text.toUpperCase()];
      if (!name) return SHAPE.test(text) ? text : null;
      const linked = links.get(name) ?? name;
      const zone = linked === 'Etc/UTC' || linked === 'Etc/GMT' ? 'UTC' : linked;
      return SHAPE.test(zone) ? zone : null;
    };
    const rows: ZoneRow[] = await queryRunner.query(
      `SELECT 'event' AS kind, id, id AS event_id, time_zone FROM events UNION ALL SELECT 'venue' AS kind, id, event_id, time_zone FROM venues`,
    );
    const unmapped: string[] = [];
    for (const row of rows) {
      const zone = canonical(row.time_zone);
      if (zone === null) {
        unmapped.push(`  ${row.kind} ${row.id}: ${JSON.stringify(row.time_zone)}`);
        continue;
      }
      if (zone === row.time_zone) continue;
      await queryRunner.query(`UPDATE "${row.kind}s" SET time_zone = $2 WHERE id = $1`, [row.id, zone]);
      const legacy = LEGACY.has(row.time_zone.trim().toUpperCase());
      await queryRunner.query(
        `INSERT INTO audit_entries (actor_user_id, action, entity_type, entity_id, event_id, before, after, reason) VALUES (NULL, $1, $2, $3, $4, $5, $6, $7)`,
        [
          `${row.kind}.time_zone_canonicalised`,
          row.kind,
          row.id,
          row.event_id,
          JSON.stringify({ timeZone: row.time_zone }),
          JSON.stringify({ timeZone: zone }),
          legacy
            ? `migration CanonicalTimeZones: ${row.time_zone} is an abbreviation, not a place; ${zone} keeps the same clock: check it is the right city`
            : 'migration CanonicalTimeZones: stored as the canonical IANA name',
        ],
      );
    }
    if (unmapped.length) {
      throw new Error(
        `These time zones are not IANA names. Set each to the zone of its city (e.g. UPDATE venues SET time_zone = 'Europe/Paris' WHERE id = '…'), then run the migrations again:\n${unmapped.join('\n')}`,
      );
    }
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "events_time_zone_check" CHECK (${SHAPE_SQL})`);
    await queryRunner.query(`ALTER TABLE "venues" ADD CONSTRAINT "venues_time_zone_check" CHECK (${SHAPE_SQL})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The rewritten values stay: they name the same zones.
    await queryRunner.query('ALTER TABLE "venues" DROP CONSTRAINT "venues_time_zone_check"');
    await queryRunner.query('ALTER TABLE "events" DROP CONSTRAINT "events_time_zone_check"');
  }
}
