/*
 * What java.util.regex does with MirrorMaker 2 style filters: for each pattern,
 * whether Pattern.compile accepts it (else the exception's index and
 * description), and for each subject whether matcher(subject).matches().
 * Used by jregex-oracle.sh; see there for the case-file format.
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class JRegexOracle {
    private static Pattern current;
    private static boolean currentOk;

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, "US-ASCII");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--c-tables"))
                table(out);
            else if (args[i].equals("--random") && i + 2 < args.length)
                random(out, Integer.parseInt(args[++i]), Long.parseLong(args[++i]));
            else if (args[i].equals("--grammar") && i + 2 < args.length)
                grammar(out, Integer.parseInt(args[++i]), Long.parseLong(args[++i]));
            else
                cases(out, args[i]);
        }
        out.flush();
    }

    /* P<TAB>raw, PE<TAB>escaped, S<TAB>raw, SE<TAB>escaped; '#' lines are comments. */
    private static void cases(PrintStream out, String path) throws Exception {
        for (String line : Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#"))
                continue;
            int tab = line.indexOf('\t');
            if (tab < 0)
                throw new IllegalArgumentException("no tab in: " + line);
            String tag = line.substring(0, tab), text = line.substring(tab + 1);
            if (tag.endsWith("E"))
                text = unescape(text);
            if (tag.startsWith("P"))
                pattern(out, text);
            else if (tag.startsWith("S"))
                subject(out, text);
            else
                throw new IllegalArgumentException("bad tag in: " + line);
        }
    }

    private static void pattern(PrintStream out, String p) {
        StringBuilder sb = new StringBuilder("P\t").append(escape(p)).append('\t');
        try {
            current = Pattern.compile(p);
            currentOk = true;
            sb.append("OK");
        } catch (PatternSyntaxException e) {
            currentOk = false;
            sb.append("ERR\t").append(e.getIndex()).append('\t')
              .append(escape(e.getDescription()));
        } catch (Throwable e) {
            currentOk = false;
            sb.append("ERR\t-2\t").append(escape(e.getClass().getName()));
        }
        out.println(sb);
    }

    private static void subject(PrintStream out, String s) {
        String r;
        if (!currentOk) {
            r = "-";
        } else {
            try {
                r = current.matcher(s).matches() ? "1" : "0";
            } catch (Throwable e) {
                r = "X";
            }
        }
        out.println("S\t" + escape(s) + "\t" + r);
    }

    /* Random patterns from tokens where Java and other engines tend to differ. */
    private static final String[] TOKENS = {
        "a", "b", "A", "_", "-", ".", "*", "+", "?", "{", "}", "{1}", "{2,}", "{0,1}", "{1,2}",
        ",", "1", "0", "(", ")", "(?:", "(?=", "(?!", "(?>", "(?i)", "(?-i)", "(?x)", "(?s)",
        "(?m)", "(?d)", "(?<n>", "\\k<n>", "[", "]", "[^", "^", "$", "|", "\\", "\\\\", "\\.",
        "\\d", "\\w", "\\s", "\\D", "\\b", "\\Q", "\\E", "\\1", "\\0", "\\x", "\\x{", "\\u00",
        "\\c", "\\p{", "Lower", "\\pL", "\\h", "\\R", "\\z", "\\Z", "&&", "&", "-", "#", " ",
        "\n", "\r", "\t", "e", "i", "k", "x", ":", "=", "!", "<", ">", "\u00e9", "\u212a",
    };
    private static final String SUBJ = "aAbB1_-. \n\re\u00e9";

    private static void random(PrintStream out, int n, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder();
            int len = 1 + rnd.nextInt(8);
            for (int j = 0; j < len; j++)
                p.append(TOKENS[rnd.nextInt(TOKENS.length)]);
            pattern(out, p.toString());
            for (int k = 0; k < 6; k++) {
                StringBuilder s = new StringBuilder();
                int sl = rnd.nextInt(5);
                for (int j = 0; j < sl; j++)
                    s.append(SUBJ.charAt(rnd.nextInt(SUBJ.length())));
                subject(out, s.toString());
            }
        }
    }

    /* Random patterns from a small grammar: mostly valid, so that matching is compared. */
    private static final String[] LITERALS = {
        "a", "b", "A", "B", "_", "-", "1", "\\.", "\\-", "\\\\", "\\x41", "\\u0062", "\\0141",
        "\\t", "\\n", "\\r", "\\e", "\\cA", "\u00e9", "\u212a", "\u017f", " ", "#", "\\Qa.\\E",
        "\\Q*\\E", "\\x{1F600}", "\uD83D\uDE00", "k", "s", "i", "I",
    };
    private static final String[] ESCAPES = {
        ".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "\\h", "\\v", "\\H", "\\V", "\\R", "\\X",
        "^", "$", "\\A", "\\z", "\\Z", "\\b", "\\B", "\\G", "\\p{Lower}", "\\p{Upper}",
        "\\p{Alpha}", "\\p{L}", "\\pL", "\\p{Lu}", "\\P{Lower}", "\\p{javaLowerCase}",
        "\\p{IsAlphabetic}", "\\p{ASCII}", "\\p{Punct}", "\\p{IsLu}", "\\p{gc=Ll}", "\\p{L1}",
        "\\p{all}", "\\p{Space}", "\\p{IsWhite_Space}", "\\p{XDigit}", "\\P{IsDigit}",
    };
    private static final String[] QUANTS = {
        "", "", "", "", "*", "+", "?", "*?", "+?", "??", "*+", "++", "?+", "{2}", "{1,2}",
        "{0,}", "{1,3}?", "{2}+", "{0}", "{1,}",
    };
    private static final String[] OPENS = {
        "(", "(", "(?:", "(?=", "(?!", "(?>", "(?i:", "(?-i:", "(?<n", "(?<=", "(?<!",
        "(?x:", "(?s:", "(?m:", "(?u:",
    };
    private static final String[] FLAGS = {
        "(?i)", "(?-i)", "(?u)", "(?iu)", "(?m)", "(?s)", "(?d)", "(?x)", "(?U)", "(?-x)",
    };
    private static final String GSUBJ = "aAbB1_-. \t\n\r\u0085\u2028\u00e9\u00c9\u212ak\u017fKsS\u0130\u0131iI#";

    private static void grammar(PrintStream out, int n, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            int[] groups = {0};
            pattern(out, expr(rnd, 3, groups, false));
            for (int k = 0; k < 8; k++) {
                StringBuilder s = new StringBuilder();
                int sl = rnd.nextInt(6);
                for (int j = 0; j < sl; j++) {
                    if (rnd.nextInt(30) == 0)
                        s.append("\uD83D\uDE00");
                    else
                        s.append(GSUBJ.charAt(rnd.nextInt(rk(rnd, GSUBJ.length()))));
                }
                subject(out, s.toString());
            }
        }
    }

    /* Mostly the first (ASCII) part of an alphabet. */
    private static int rk(Random rnd, int n) {
        return rnd.nextInt(3) == 0 ? n : Math.min(n, 8);
    }

    private static String expr(Random rnd, int depth, int[] groups, boolean behind) {
        StringBuilder sb = new StringBuilder();
        int alts = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
        for (int a = 0; a < alts; a++) {
            if (a > 0)
                sb.append('|');
            int items = rnd.nextInt(4) + (behind ? 1 : 0);
            for (int j = 0; j < items; j++)
                sb.append(item(rnd, depth, groups, behind));
        }
        return sb.toString();
    }

    private static String item(Random rnd, int depth, int[] groups, boolean behind) {
        String atom;
        int r = rnd.nextInt(20);
        if (r < 7) {
            atom = LITERALS[rnd.nextInt(LITERALS.length)];
        } else if (r < 10) {
            atom = ESCAPES[rnd.nextInt(ESCAPES.length)];
        } else if (r < 13) {
            atom = clazz(rnd, 2);
        } else if (r < 17 && depth > 0) {
            String open = OPENS[rnd.nextInt(OPENS.length)];
            boolean lb = open.startsWith("(?<=") || open.startsWith("(?<!");
            if (open.equals("(") )
                groups[0]++;
            if (open.equals("(?<n")) {
                groups[0]++;
                open = "(?<n" + groups[0] + ">";
            }
            atom = open + expr(rnd, depth - 1, groups, behind || lb) + ")";
        } else if (r < 18) {
            return FLAGS[rnd.nextInt(FLAGS.length)];
        } else if (r < 19 && groups[0] > 0) {
            int g = 1 + rnd.nextInt(groups[0]);
            atom = rnd.nextBoolean() ? "\\" + g : "\\k<n" + g + ">";
        } else {
            atom = LITERALS[rnd.nextInt(LITERALS.length)];
        }
        String q = QUANTS[rnd.nextInt(QUANTS.length)];
        if (behind && (q.contains("*") || q.contains("+") || q.contains(",")))
            q = "";
        return atom + q;
    }

    private static final String[] CLASS_ITEMS = {
        "a", "b", "A", "-", "a-c", "A-C", "0-9", "\\d", "\\w", "\\s", "\\p{Lower}", "\\pL", "_",
        ".", "^", "&", "\\]", "\\[", "\\\\", "\u00e9", "\u212a", "k", "s-t", "\\x{e9}", "#", " ",
        "\\h", "\\v-\\x0c", "\\Q-]\\E",
    };

    private static String clazz(Random rnd, int depth) {
        StringBuilder sb = new StringBuilder("[");
        if (rnd.nextInt(3) == 0)
            sb.append('^');
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(10);
            if (r < 7 || depth == 0)
                sb.append(CLASS_ITEMS[rnd.nextInt(CLASS_ITEMS.length)]);
            else if (r < 9)
                sb.append(clazz(rnd, depth - 1));
            else
                sb.append("&&").append(rnd.nextBoolean() ? clazz(rnd, depth - 1)
                                       : CLASS_ITEMS[rnd.nextInt(CLASS_ITEMS.length)]);
        }
        return sb.append(']').toString();
    }

    /*
     * The property tables in src/jregex_props.c, from the running JDK: for each
     * name Java's \p{...} knows, which ASCII characters it matches (plain and
     * case-insensitive), and whether it matches anything outside ASCII.
     */
    private static final String[] JAVA_NAMES = {
        "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
        "Cc", "Cf", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf",
        "L", "M", "N", "Z", "C", "P", "S", "LC", "LD", "L1", "all", "ASCII", "Alnum", "Alpha",
        "Blank", "Cntrl", "Digit", "Graph", "Lower", "Print", "Punct", "Space", "Upper", "XDigit",
        "javaLowerCase", "javaUpperCase", "javaAlphabetic", "javaIdeographic", "javaTitleCase",
        "javaDigit", "javaDefined", "javaLetter", "javaLetterOrDigit", "javaJavaIdentifierStart",
        "javaJavaIdentifierPart", "javaUnicodeIdentifierStart", "javaUnicodeIdentifierPart",
        "javaIdentifierIgnorable", "javaSpaceChar", "javaWhitespace", "javaISOControl",
        "javaMirrored",
    };
    private static final String[] POSIX_NAMES = {
        "ALPHA", "LOWER", "UPPER", "SPACE", "PUNCT", "XDIGIT", "ALNUM", "CNTRL", "DIGIT",
        "BLANK", "GRAPH", "PRINT",
    };
    private static final String[] UNICODE_NAMES = {
        "ALPHABETIC", "ASSIGNED", "CONTROL", "EMOJI", "EMOJI_PRESENTATION", "EMOJI_MODIFIER",
        "EMOJI_MODIFIER_BASE", "EMOJI_COMPONENT", "EXTENDED_PICTOGRAPHIC", "HEXDIGIT",
        "HEX_DIGIT", "IDEOGRAPHIC", "JOINCONTROL", "JOIN_CONTROL", "LETTER", "LOWERCASE",
        "NONCHARACTERCODEPOINT", "NONCHARACTER_CODE_POINT", "TITLECASE", "PUNCTUATION",
        "UPPERCASE", "WHITESPACE", "WHITE_SPACE", "WORD",
    };

    private static void table(PrintStream out) {
        out.println("/*");
        out.println(" * What each \\p{...} name matches among ASCII characters, per Java "
                    + Runtime.version().feature() + "'s");
        out.println(" * CharPredicates, and the few non-ASCII characters that Java's (?iu) folds onto");
        out.println(" * ASCII letters. Generated by tests/jregex-oracle/jregex-oracle.sh --c-tables");
        out.println(" * (then clang-format); names that JDK rejects are left out.");
        out.println(" */");
        out.println("#include \"jregex_java.h\"");
        out.println();
        out.println("/* forProperty: \\p{NAME} and \\p{IsNAME}, names compared exactly */");
        rows(out, "mm2_jr_props_java", JAVA_NAMES, "", "\\p{", "}");
        out.println("/* forUnicodeProperty: \\p{IsNAME}, NAME upper-cased */");
        String[] both = new String[UNICODE_NAMES.length + POSIX_NAMES.length];
        System.arraycopy(UNICODE_NAMES, 0, both, 0, UNICODE_NAMES.length);
        System.arraycopy(POSIX_NAMES, 0, both, UNICODE_NAMES.length, POSIX_NAMES.length);
        rows(out, "mm2_jr_props_unicode", both, "", "\\p{Is", "}");
        out.println("/* forPOSIXName: \\p{NAME} under (?U), NAME upper-cased */");
        rows(out, "mm2_jr_props_posix", POSIX_NAMES, "(?U)", "\\p{", "}");
        out.println("/* \\w, \\d, \\s under (?U) */");
        rows(out, "mm2_jr_props_uclass", new String[] { "w", "d", "s" }, "(?U)", "\\", "");
        out.println("/* code points outside ASCII whose Character.toLowerCase(toUpperCase()) is ASCII */");
        out.println("const struct mm2_jr_fold mm2_jr_folds[] = {");
        for (int c = 0x80; c <= Character.MAX_CODE_POINT; c++) {
            int f = Character.toLowerCase(Character.toUpperCase(c));
            if (f < 0x80)
                out.printf("\t{0x%04x, 0x%02x},%n", c, f);
        }
        out.println("};");
        out.println("const size_t mm2_jr_nfolds = sizeof(mm2_jr_folds) / sizeof(mm2_jr_folds[0]);");
    }

    private static void rows(PrintStream out, String var, String[] names, String flags,
                             String pre, String post) {
        out.println("const struct mm2_jr_prop " + var + "[] = {");
        int n = 0;
        for (String name : names) {
            Pattern p, pi;
            try {
                p = Pattern.compile(flags + pre + name + post);
                pi = Pattern.compile(flags + "(?i)" + pre + name + post);
            } catch (PatternSyntaxException e) {
                continue; /* not known to this JDK */
            }
            out.printf("\t{\"%s\", %s, %s},%n", name, mask(p), mask(pi));
            n++;
        }
        out.println("};");
        out.println("const size_t " + var.replace("mm2_jr_props_", "mm2_jr_n") + " = " + n + ";");
    }

    /* { kind, ascii bits 0-63, ascii bits 64-127 } */
    private static String mask(Pattern p) {
        long lo = 0, hi = 0;
        for (int c = 0; c < 128; c++) {
            if (p.matcher(String.valueOf((char) c)).matches()) {
                if (c < 64)
                    lo |= 1L << c;
                else
                    hi |= 1L << (c - 64);
            }
        }
        boolean any = false, l1 = true, all = true;
        for (int c = 0x80; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= 0xd800 && c <= 0xdfff)
                continue;
            boolean m = p.matcher(new String(Character.toChars(c))).matches();
            any |= m;
            all &= m;
            if (m != (c <= 0xff))
                l1 = false;
        }
        boolean ascii = lo == -1L && hi == -1L;
        String kind = !any ? "JR_ASCII" : (l1 && ascii) ? "JR_LATIN1"
                    : (all && ascii) ? "JR_ALL" : "JR_UNICODE";
        return String.format("{%s, 0x%xull, 0x%xull}", kind, lo, hi);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
            case '\\': sb.append("\\\\"); break;
            case '\t': sb.append("\\t"); break;
            case '\n': sb.append("\\n"); break;
            case '\r': sb.append("\\r"); break;
            default:
                if (c < 0x20 || c >= 0x7f)
                    sb.append(String.format("\\u%04x", (int) c));
                else
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char d = s.charAt(++i);
            switch (d) {
            case 't': sb.append('\t'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 'u':
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
                break;
            default: sb.append(d);
            }
        }
        return sb.toString();
    }
}
