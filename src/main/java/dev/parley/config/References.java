package dev.parley.config;

import java.util.List;
import java.util.Set;

/** The groups and skills a file defines, which operators, bots and widgets refer to. */
record References(Set<String> groups, Set<String> skills) {

    References {
        groups = Set.copyOf(groups);
        skills = Set.copyOf(skills);
    }

    String group(YamlNode node) {
        String group = node.asString();
        if (!groups.contains(group)) {
            throw node.error("group '" + group + "' is not defined" + hint(group, groups, "groups"));
        }
        return group;
    }

    /** The optional {@code skills} list of {@code mapping}, each of which must be defined. */
    List<String> skillsOf(YamlNode mapping) {
        Registry seen = new Registry("skill");
        return mapping.get("skills").map(YamlNode::items).orElse(List.of()).stream()
                .map(node -> seen.claim(node, skill(node)))
                .toList();
    }

    private String skill(YamlNode node) {
        String skill = node.asString();
        if (!skills.contains(skill)) {
            throw node.error("skill '" + skill + "' is not defined" + hint(skill, skills, "skills"));
        }
        return skill;
    }

    private static String hint(String word, Set<String> defined, String kind) {
        return defined.isEmpty() ? " (the file defines no " + kind + ")" : Suggestions.didYouMean(word, defined);
    }
}
