"""The linker's map of a release build (written when AIMEMO_LINK_MAP is set): its
input sections and the symbols they are named after. Used by bench/order.sh and
bench/startup.sh."""
import re

SECTION = re.compile(r"\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S+:\((\S+)\)$")
NAMED = re.compile(r"^\.(?:text|rodata|data\.rel\.ro)\.(?:unlikely\.|hot\.|startup\.)?(.+)$")


def sections(path):
    """(address, size, name) of every input section that holds something, by address."""
    out = []
    with open(path) as f:
        for line in f:
            m = SECTION.match(line)
            if m and int(m.group(2), 16) > 0:
                out.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
    out.sort()
    return out


def symbol(section):
    """The symbol a function or data section is named after, if it has one: anonymous
    constants and merged strings cannot be ordered by name."""
    m = NAMED.match(section)
    if not m or m.group(1).startswith((".L", "cst", "str")):
        return None
    return m.group(1)


def listed(path="build/hot-symbols.txt"):
    """The symbols of the link order, in order."""
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]
