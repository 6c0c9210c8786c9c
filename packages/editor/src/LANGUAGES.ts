/** A language a plan's words may be in: its tag (BCP 47), its name in English and in itself. */
export interface Language {
  readonly tag: string;
  readonly english: string;
  readonly own: string;
}

/**
 * The languages English councils most often meet in the families they serve (after English),
 * in scripts the PDF export prints. Any other language tag may be typed.
 */
export const LANGUAGES: readonly Language[] = [
  { tag: "cy", english: "Welsh", own: "Cymraeg" },
  { tag: "pl", english: "Polish", own: "Polski" },
  { tag: "ur", english: "Urdu", own: "اردو" },
  { tag: "pa", english: "Punjabi (Gurmukhi)", own: "ਪੰਜਾਬੀ" },
  { tag: "pa-Arab", english: "Punjabi (Shahmukhi)", own: "پنجابی" },
  { tag: "bn", english: "Bengali", own: "বাংলা" },
  { tag: "ar", english: "Arabic", own: "العربية" },
  { tag: "ro", english: "Romanian", own: "Română" },
  { tag: "uk", english: "Ukrainian", own: "Українська" },
  { tag: "so", english: "Somali", own: "Soomaali" },
  { tag: "pt", english: "Portuguese", own: "Português" },
  { tag: "zh", english: "Chinese", own: "中文" },
  { tag: "tr", english: "Turkish", own: "Türkçe" },
  { tag: "lt", english: "Lithuanian", own: "Lietuvių" },
  { tag: "es", english: "Spanish", own: "Español" },
  { tag: "fr", english: "French", own: "Français" },
  { tag: "it", english: "Italian", own: "Italiano" },
  { tag: "bg", english: "Bulgarian", own: "Български" },
  { tag: "ru", english: "Russian", own: "Русский" },
  { tag: "fa", english: "Persian (Farsi)", own: "فارسی" },
  { tag: "ps", english: "Pashto", own: "پښتو" },
  { tag: "ckb", english: "Kurdish (Sorani)", own: "کوردی" },
  { tag: "hi", english: "Hindi", own: "हिन्दी" },
  { tag: "ne", english: "Nepali", own: "नेपाली" },
  { tag: "sq", english: "Albanian", own: "Shqip" },
  { tag: "el", english: "Greek", own: "Ελληνικά" },
  { tag: "hu", english: "Hungarian", own: "Magyar" },
  { tag: "sk", english: "Slovak", own: "Slovenčina" },
  { tag: "cs", english: "Czech", own: "Čeština" },
  { tag: "lv", english: "Latvian", own: "Latviešu" },
  { tag: "vi", english: "Vietnamese", own: "Tiếng Việt" },
  { tag: "ga", english: "Irish", own: "Gaeilge" },
  { tag: "gd", english: "Scottish Gaelic", own: "Gàidhlig" },
  { tag: "en-GB", english: "English", own: "English" },
];
