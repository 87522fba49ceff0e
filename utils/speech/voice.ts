/**
 * A voice as both tts.getVoices() and speechSynthesis.getVoices() can describe it: the name the user picks
 * and the speech engine is told, and the language tag that chooses a voice when the user picked none.
 */
export interface Voice {
  name: string;
  lang?: string;
}
