/* fold_search.c - finding a word in text, ignoring ASCII case (see
 * fold_search.h).
 *
 * With SSE2, 16 starting places at a time: the bytes there are compared
 * with the needle's first byte and the bytes m - 1 further on with its
 * last, each in both cases, and only places where both agree are checked
 * whole.  Looking for the first byte alone (memchr) stopped every few
 * bytes of JSON for a needle starting with a common letter ('n', 'e').
 */
#include <config.h>

#include "util/fold_search.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && !defined(FOLD_NO_SIMD)
#include <emmintrin.h>
#define FOLD_SSE2 1
#endif

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Whether the m bytes at p are the needle, folded. */
static bool same_folded(const char *p, const char *needle, size_t m)
{
	for (size_t j = 0; j < m; j++)
		if (fold((unsigned char)p[j]) != (unsigned char)needle[j])
			return false;
	return true;
}

/* Places [from, to) one by one. */
static bool scan_places(const char *hay, size_t from, size_t to,
                        const char *needle, size_t m)
{
	unsigned char first = (unsigned char)needle[0];
	for (size_t i = from; i < to; i++)
		if (fold((unsigned char)hay[i]) == first &&
		    same_folded(hay + i, needle, m))
			return true;
	return false;
}

#ifdef FOLD_SSE2
static unsigned char unfold(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - ('a' - 'A')) : c;
}
#endif

bool fold_contains(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0)
		return true;
	if (m > n)
		return false;
	size_t places = n - m + 1, i = 0;
#ifdef FOLD_SSE2
	const unsigned char f = (unsigned char)needle[0];
	const unsigned char l = (unsigned char)needle[m - 1];
	const __m128i f1 = _mm_set1_epi8((char)f);
	const __m128i f2 = _mm_set1_epi8((char)unfold(f));
	const __m128i l1 = _mm_set1_epi8((char)l);
	const __m128i l2 = _mm_set1_epi8((char)unfold(l));
	for (; i + 16 <= places; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(hay + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(hay + i + m - 1));
		__m128i at_first = _mm_or_si128(_mm_cmpeq_epi8(a, f1),
		                                _mm_cmpeq_epi8(a, f2));
		__m128i at_last = _mm_or_si128(_mm_cmpeq_epi8(b, l1),
		                               _mm_cmpeq_epi8(b, l2));
		unsigned mask = (unsigned)_mm_movemask_epi8(
			_mm_and_si128(at_first, at_last));
		while (mask) {
			unsigned bit = (unsigned)__builtin_ctz(mask);
			if (same_folded(hay + i + bit, needle, m))
				return true;
			mask &= mask - 1;
		}
	}
#endif
	return scan_places(hay, i, places, needle, m);
}
