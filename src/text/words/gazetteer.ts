// The gazetteer: the 193 UN member states and the 50 US states (plus the District of Columbia),
// each with the short forms sources commonly use. Written by hand; data only, no I/O.
//
// Each entry is [canonical name, ...other forms] (without a leading "the": the reader matches the
// name itself). Forms are matched case-sensitively on word
// boundaries, longest first (places.ts), so "Niger" never matches inside "Nigeria" and "New
// Mexico" is not read as "Mexico". Bare "Korea", "Congo" and "America" are left out on purpose:
// they do not say which country.

/** UN member states: canonical name first, then common short and former forms. */
export const COUNTRIES: readonly (readonly string[])[] = [
  ['Afghanistan'], ['Albania'], ['Algeria'], ['Andorra'], ['Angola'], ['Antigua and Barbuda'], ['Argentina'],
  ['Armenia'], ['Australia'], ['Austria'], ['Azerbaijan'], ['Bahamas'], ['Bahrain'], ['Bangladesh'],
  ['Barbados'], ['Belarus'], ['Belgium'], ['Belize'], ['Benin'], ['Bhutan'], ['Bolivia'], ['Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  ['Botswana'], ['Brazil'], ['Brunei', 'Brunei Darussalam'], ['Bulgaria'], ['Burkina Faso'], ['Burundi'],
  ['Cabo Verde', 'Cape Verde'], ['Cambodia'], ['Cameroon'], ['Canada'], ['Central African Republic'], ['Chad'], ['Chile'],
  ['China', "People's Republic of China", 'PRC'], ['Colombia'], ['Comoros'],
  ['Republic of the Congo', 'Congo-Brazzaville'], ['Costa Rica'], ["Côte d'Ivoire", 'Cote d’Ivoire', "Cote d'Ivoire", 'Côte d’Ivoire', 'Ivory Coast'],
  ['Croatia'], ['Cuba'], ['Cyprus'], ['Czechia', 'Czech Republic'],
  ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa'], ['Denmark'], ['Djibouti'], ['Dominica'],
  ['Dominican Republic'], ['Ecuador'], ['Egypt'], ['El Salvador'], ['Equatorial Guinea'], ['Eritrea'], ['Estonia'],
  ['Eswatini', 'Swaziland'], ['Ethiopia'], ['Fiji'], ['Finland'], ['France'], ['Gabon'], ['Gambia'],
  ['Georgia'], ['Germany'], ['Ghana'], ['Greece'], ['Grenada'], ['Guatemala'], ['Guinea'], ['Guinea-Bissau'], ['Guyana'],
  ['Haiti'], ['Honduras'], ['Hungary'], ['Iceland'], ['India'], ['Indonesia'], ['Iran'], ['Iraq'], ['Ireland', 'Republic of Ireland'],
  ['Israel'], ['Italy'], ['Jamaica'], ['Japan'], ['Jordan'], ['Kazakhstan'], ['Kenya'], ['Kiribati'], ['Kuwait'], ['Kyrgyzstan'],
  ['Laos', 'Lao PDR'], ['Latvia'], ['Lebanon'], ['Lesotho'], ['Liberia'], ['Libya'], ['Liechtenstein'], ['Lithuania'],
  ['Luxembourg'], ['Madagascar'], ['Malawi'], ['Malaysia'], ['Maldives'], ['Mali'], ['Malta'], ['Marshall Islands'],
  ['Mauritania'], ['Mauritius'], ['Mexico'], ['Micronesia', 'Federated States of Micronesia'], ['Moldova'], ['Monaco'],
  ['Mongolia'], ['Montenegro'], ['Morocco'], ['Mozambique'], ['Myanmar', 'Burma'], ['Namibia'], ['Nauru'], ['Nepal'],
  ['Netherlands', 'Holland'], ['New Zealand'], ['Nicaragua'], ['Niger'], ['Nigeria'],
  ['North Korea', "Democratic People's Republic of Korea", 'DPRK'], ['North Macedonia', 'Macedonia'], ['Norway'], ['Oman'],
  ['Pakistan'], ['Palau'], ['Panama'], ['Papua New Guinea'], ['Paraguay'], ['Peru'], ['Philippines'],
  ['Poland'], ['Portugal'], ['Qatar'], ['Romania'], ['Russia', 'Russian Federation'], ['Rwanda'], ['Saint Kitts and Nevis'],
  ['Saint Lucia'], ['Saint Vincent and the Grenadines'], ['Samoa'], ['San Marino'], ['São Tomé and Príncipe', 'Sao Tome and Principe'],
  ['Saudi Arabia'], ['Senegal'], ['Serbia'], ['Seychelles'], ['Sierra Leone'], ['Singapore'], ['Slovakia'], ['Slovenia'],
  ['Solomon Islands'], ['Somalia'], ['South Africa'], ['South Korea', 'Republic of Korea'], ['South Sudan'], ['Spain'],
  ['Sri Lanka'], ['Sudan'], ['Suriname'], ['Sweden'], ['Switzerland'], ['Syria', 'Syrian Arab Republic'], ['Tajikistan'],
  ['Tanzania'], ['Thailand'], ['Timor-Leste', 'East Timor'], ['Togo'], ['Tonga'], ['Trinidad and Tobago'], ['Tunisia'],
  ['Turkey', 'Türkiye'], ['Turkmenistan'], ['Tuvalu'], ['Uganda'], ['Ukraine'], ['United Arab Emirates', 'UAE'],
  ['United Kingdom', 'UK', 'U.K.', 'Great Britain', 'Britain'],
  ['United States', 'United States of America', 'USA', 'U.S.A.', 'US', 'U.S.'],
  ['Uruguay'], ['Uzbekistan'], ['Vanuatu'], ['Venezuela'], ['Vietnam', 'Viet Nam'], ['Yemen'], ['Zambia'], ['Zimbabwe'],
];

/** US states and the District of Columbia. "Georgia" is listed here too: places.ts decides which one a text means. */
export const US_STATES: readonly (readonly string[])[] = [
  ['Alabama'], ['Alaska'], ['Arizona'], ['Arkansas'], ['California'], ['Colorado'], ['Connecticut'], ['Delaware'], ['Florida'],
  ['Georgia'], ['Hawaii'], ['Idaho'], ['Illinois'], ['Indiana'], ['Iowa'], ['Kansas'], ['Kentucky'], ['Louisiana'], ['Maine'],
  ['Maryland'], ['Massachusetts'], ['Michigan'], ['Minnesota'], ['Mississippi'], ['Missouri'], ['Montana'], ['Nebraska'],
  ['Nevada'], ['New Hampshire'], ['New Jersey'], ['New Mexico'], ['New York'], ['North Carolina'], ['North Dakota'], ['Ohio'],
  ['Oklahoma'], ['Oregon'], ['Pennsylvania'], ['Rhode Island'], ['South Carolina'], ['South Dakota'], ['Tennessee'], ['Texas'],
  ['Utah'], ['Vermont'], ['Virginia'], ['Washington', 'Washington State', 'State of Washington'], ['West Virginia'], ['Wisconsin'], ['Wyoming'],
  ['District of Columbia', 'Washington, D.C.', 'Washington D.C.'],
];

/**
 * Longer names that contain a place's name but are not that place ("Northern Ireland" is not
 * Ireland, "South Australia" is a state of Australia, "New York City" is a city): they are read
 * as nothing.
 */
export const NOT_PLACES: readonly string[] = [
  'Northern Ireland', 'South Australia', 'Western Australia', 'New South Wales', 'New York City', 'Baja California',
  'New England', 'Papua', 'Georgia Tech', 'Jordan River', 'Lake Chad', 'Niger River', 'Niger Delta', 'Washington Post',
  'Indiana Jones', 'Washington State University',
];

/**
 * Canonical names that are not read when they stand alone: a bare "Washington" is as often the
 * capital or a person as the state, so only "Washington State" and "State of Washington" are.
 */
export const NOT_READ_ALONE: readonly string[] = ['Washington'];
