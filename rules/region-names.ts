/**
 * Region names per province code, for the engine's region evidence (docs/engine.md, "Evidence").
 * Generated from Kemendagri region codes (cahyadsn/wilayah, MIT; Kepmendagri 300.2.2-2138/2025): the
 * province and every regency/city, without "Kabupaten"/"Kota"; a one-word name that is among the 20,000
 * most frequent Indonesian words (hermitdave/FrequencyWords, OpenSubtitles 2018) is kept only as
 * "kota X"/"kab X" (malang, batu, kudus, pati are everyday words), plus the usual province abbreviations.
 */
export const REGION_NAMES: Readonly<Record<string, readonly string[]>> = {
  '11': ["aceh", "aceh barat", "aceh barat daya", "aceh besar", "aceh jaya", "aceh selatan", "aceh singkil", "aceh tamiang", "aceh tengah", "aceh tenggara", "aceh timur", "aceh utara", "banda aceh", "bener meriah", "bireuen", "gayo lues", "langsa", "lhokseumawe", "nagan raya", "pidie", "pidie jaya", "sabang", "simeulue", "subulussalam"],
  '12': ["asahan", "batu bara", "binjai", "dairi", "deli serdang", "gunungsitoli", "humbang hasundutan", "karo", "kota medan", "labuhanbatu", "labuhanbatu selatan", "labuhanbatu utara", "langkat", "mandailing natal", "nias", "nias barat", "nias selatan", "nias utara", "padang lawas", "padang lawas utara", "padangsidimpuan", "pakpak bharat", "pematangsiantar", "samosir", "serdang bedagai", "sibolga", "simalungun", "sumatera utara", "sumut", "tanjungbalai", "tapanuli selatan", "tapanuli tengah", "tapanuli utara", "tebing tinggi", "toba"],
  '13': ["agam", "bukittinggi", "dharmasraya", "kepulauan mentawai", "kota padang", "lima puluh kota", "padang panjang", "padang pariaman", "pariaman", "pasaman", "pasaman barat", "payakumbuh", "pesisir selatan", "sawahlunto", "sijunjung", "solok", "solok selatan", "sumatera barat", "sumbar", "tanah datar"],
  '14': ["bengkalis", "dumai", "indragiri hilir", "indragiri hulu", "kampar", "kepulauan meranti", "kuantan singingi", "pekanbaru", "pelalawan", "riau", "rokan hilir", "rokan hulu", "siak"],
  '15': ["batanghari", "bungo", "jambi", "kerinci", "merangin", "muaro jambi", "sarolangun", "sungai penuh", "tanjung jabung barat", "tanjung jabung timur", "tebo"],
  '16': ["banyuasin", "empat lawang", "lahat", "lubuk linggau", "muara enim", "musi banyuasin", "musi rawas", "musi rawas utara", "ogan ilir", "ogan komering ilir", "ogan komering ulu", "ogan komering ulu selatan", "ogan komering ulu timur", "pagar alam", "palembang", "penukal abab lematang ilir", "prabumulih", "sumatera selatan", "sumsel"],
  '17': ["bengkulu", "bengkulu selatan", "bengkulu tengah", "bengkulu utara", "kaur", "kepahiang", "lebong", "mukomuko", "rejang lebong", "seluma"],
  '18': ["bandar lampung", "kota metro", "lampung", "lampung barat", "lampung selatan", "lampung tengah", "lampung timur", "lampung utara", "mesuji", "pesawaran", "pesisir barat", "pringsewu", "tanggamus", "tulang bawang", "tulang bawang barat", "way kanan"],
  '19': ["babel", "bangka barat", "bangka selatan", "bangka tengah", "belitung", "belitung timur", "kab bangka", "kepulauan bangka belitung", "pangkal pinang"],
  '21': ["batam", "bintan", "karimun", "kepri", "kepulauan anambas", "kepulauan riau", "lingga", "natuna", "tanjung pinang"],
  '31': ["administrasi jakarta barat", "administrasi jakarta pusat", "administrasi jakarta selatan", "administrasi jakarta timur", "administrasi jakarta utara", "administrasi kepulauan seribu", "dki", "jakarta"],
  '32': ["bandung barat", "banjar", "bekasi", "bogor", "ciamis", "cianjur", "cimahi", "cirebon", "depok", "garut", "indramayu", "jabar", "jawa barat", "kab bandung", "kab kuningan", "karawang", "kota bandung", "majalengka", "pangandaran", "purwakarta", "subang", "sukabumi", "sumedang", "tasikmalaya"],
  '33': ["banjarnegara", "blora", "boyolali", "brebes", "cilacap", "demak", "grobogan", "jateng", "jawa tengah", "jepara", "kab banyumas", "kab batang", "kab kudus", "karanganyar", "kebumen", "kendal", "klaten", "magelang", "pati", "pekalongan", "pemalang", "purbalingga", "purworejo", "rembang", "salatiga", "semarang", "sragen", "sukoharjo", "surakarta", "tegal", "temanggung", "wonogiri", "wonosobo"],
  '34': ["bantul", "diy", "gunungkidul", "jogja", "kulon progo", "sleman", "yogya", "yogyakarta"],
  '35': ["bangkalan", "banyuwangi", "blitar", "bojonegoro", "bondowoso", "gresik", "jatim", "jawa timur", "jember", "jombang", "kab malang", "kediri", "kota batu", "kota malang", "lamongan", "lumajang", "madiun", "magetan", "mojokerto", "nganjuk", "ngawi", "pacitan", "pamekasan", "pasuruan", "ponorogo", "probolinggo", "sampang", "sidoarjo", "situbondo", "sumenep", "surabaya", "trenggalek", "tuban", "tulungagung"],
  '36': ["banten", "cilegon", "kab serang", "kota serang", "lebak", "pandeglang", "tangerang", "tangerang selatan"],
  '51': ["badung", "bali", "bangli", "buleleng", "denpasar", "gianyar", "jembrana", "karangasem", "klungkung", "tabanan"],
  '52': ["dompu", "kab bima", "kota bima", "lombok barat", "lombok tengah", "lombok timur", "lombok utara", "mataram", "ntb", "nusa tenggara barat", "sumbawa", "sumbawa barat"],
  '53': ["alor", "belu", "ende", "flores timur", "kupang", "lembata", "malaka", "manggarai", "manggarai barat", "manggarai timur", "nagekeo", "ngada", "ntt", "nusa tenggara timur", "rote ndao", "sabu raijua", "sikka", "sumba barat", "sumba barat daya", "sumba tengah", "sumba timur", "timor tengah selatan", "timor tengah utara"],
  '61': ["bengkayang", "kab landak", "kalbar", "kalimantan barat", "kapuas hulu", "kayong utara", "ketapang", "kubu raya", "melawi", "mempawah", "pontianak", "sambas", "sanggau", "sekadau", "singkawang", "sintang"],
  '62': ["barito selatan", "barito timur", "barito utara", "gunung mas", "kalimantan tengah", "kalteng", "kapuas", "katingan", "kotawaringin barat", "kotawaringin timur", "lamandau", "murung raya", "palangkaraya", "pulang pisau", "seruyan", "sukamara"],
  '63': ["balangan", "banjar", "banjarbaru", "banjarmasin", "barito kuala", "hulu sungai selatan", "hulu sungai tengah", "hulu sungai utara", "kalimantan selatan", "kalsel", "kotabaru", "tabalong", "tanah bumbu", "tanah laut", "tapin"],
  '64': ["balikpapan", "berau", "bontang", "kalimantan timur", "kaltim", "kota samarinda", "kutai barat", "kutai kartanegara", "kutai timur", "mahakam ulu", "paser", "penajam paser utara"],
  '65': ["bulungan", "kalimantan utara", "kaltara", "malinau", "nunukan", "tana tidung", "tarakan"],
  '71': ["bitung", "bolaang mongondow", "bolaang mongondow selatan", "bolaang mongondow timur", "bolaang mongondow utara", "kep. siau tagulandang biaro", "kepulauan sangihe", "kepulauan talaud", "kotamobagu", "manado", "minahasa", "minahasa selatan", "minahasa tenggara", "minahasa utara", "sulawesi utara", "sulut", "tomohon"],
  '72': ["banggai", "banggai kepulauan", "banggai laut", "buol", "donggala", "kota palu", "morowali", "morowali utara", "parigi moutong", "poso", "sigi", "sulawesi tengah", "sulteng", "tojo una una", "toli-toli"],
  '73': ["bantaeng", "barru", "bulukumba", "enrekang", "gowa", "jeneponto", "kab bone", "kepulauan selayar", "luwu", "luwu timur", "luwu utara", "makassar", "maros", "palopo", "pangkajene dan kepulauan", "parepare", "pinrang", "sidenreng rappang", "sinjai", "soppeng", "sulawesi selatan", "sulsel", "takalar", "tana toraja", "toraja utara", "wajo"],
  '74': ["bau bau", "bombana", "buton", "buton selatan", "buton tengah", "buton utara", "kendari", "kolaka", "kolaka timur", "kolaka utara", "konawe", "konawe kepulauan", "konawe selatan", "konawe utara", "muna", "muna barat", "sulawesi tenggara", "sultra", "wakatobi"],
  '75': ["boalemo", "bone bolango", "gorontalo", "gorontalo utara", "pohuwato"],
  '76': ["majene", "mamasa", "mamuju", "mamuju tengah", "pasangkayu", "polewali mandar", "sulawesi barat", "sulbar"],
  '81': ["ambon", "buru selatan", "kab buru", "kepulauan aru", "kepulauan tanimbar", "maluku", "maluku barat daya", "maluku tengah", "maluku tenggara", "seram bagian barat", "seram bagian timur", "tual"],
  '82': ["halmahera barat", "halmahera selatan", "halmahera tengah", "halmahera timur", "halmahera utara", "kepulauan sula", "maluku utara", "malut", "pulau morotai", "pulau taliabu", "ternate", "tidore kepulauan"],
  '91': ["biak numfor", "jayapura", "keerom", "kepulauan yapen", "mamberamo raya", "papua", "sarmi", "supiori", "waropen"],
  '92': ["fak fak", "kaimana", "manokwari", "manokwari selatan", "papua barat", "pegunungan arfak", "teluk bintuni", "teluk wondama"],
  '93': ["asmat", "boven digoel", "mappi", "merauke", "papua selatan"],
  '94': ["deiyai", "dogiyai", "intan jaya", "kab puncak", "mimika", "nabire", "paniai", "papua tengah", "puncak jaya"],
  '95': ["jayawijaya", "lanny jaya", "mamberamo tengah", "nduga", "papua pegunungan", "pegunungan bintang", "tolikara", "yahukimo", "yalimo"],
  '96': ["maybrat", "papua barat daya", "raja ampat", "sorong", "sorong selatan", "tambrauw"],
};
