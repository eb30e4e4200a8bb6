export { nameSearchKeys, type NameSearchKeys, type PinyinKey } from './name-keys';
export { queryKind, type SearchQuery } from './query-kind';
export { PINYIN_SYLLABLES, isPinyinSpelling } from './syllables';
