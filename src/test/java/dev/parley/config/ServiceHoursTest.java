package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceHoursTest {

    private static ServiceHours parse(String mapping) {
        return ServiceHoursParser.parse(YamlTree.parse("service_hours: " + mapping, "parley.yml").required("service_hours"));
    }

    private static ZonedDateTime at(String localDateTime, String zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZoneId.of(zone));
    }

    @Test
    void openDuringRangesOfNamedDaysInTheConfiguredZone() {
        ServiceHours hours = parse("{ zone: Europe/Berlin, mon-fri: \"09:00-12:00, 13:00-17:00\" }");

        // 2025-01-06 is a Monday; Berlin is UTC+1 in winter.
        assertThat(hours.isOpen(at("2025-01-06T09:00", "Europe/Berlin"))).isTrue();
        assertThat(hours.isOpen(at("2025-01-06T08:59", "Europe/Berlin"))).isFalse();
        assertThat(hours.isOpen(at("2025-01-06T12:30", "Europe/Berlin"))).isFalse();
        assertThat(hours.isOpen(at("2025-01-06T16:59", "Europe/Berlin"))).isTrue();
        assertThat(hours.isOpen(at("2025-01-06T17:00", "Europe/Berlin"))).isFalse();
        assertThat(hours.isOpen(at("2025-01-11T10:00", "Europe/Berlin"))).as("Saturday").isFalse();
    }

    @Test
    void instantsInOtherZonesAreConvertedFirst() {
        ServiceHours hours = parse("{ zone: Europe/Berlin, mon-fri: \"09:00-17:00\" }");

        assertThat(hours.isOpen(at("2025-01-06T08:30", "UTC"))).as("09:30 in Berlin").isTrue();
        assertThat(hours.isOpen(at("2025-01-06T16:30", "UTC"))).as("17:30 in Berlin").isFalse();
        assertThat(hours.isOpen(at("2025-07-07T15:30", "UTC"))).as("17:30 in Berlin, summer time").isFalse();
        assertThat(hours.isOpen(at("2025-07-07T14:30", "UTC"))).as("16:30 in Berlin, summer time").isTrue();
        assertThat(hours.isOpen(at("2025-01-06T19:00", "America/New_York"))).as("Tuesday 01:00 in Berlin").isFalse();
        assertThat(hours.isOpen(at("2025-01-05T23:30", "America/Los_Angeles"))).as("Monday 08:30 in Berlin").isFalse();
        assertThat(hours.isOpen(at("2025-01-06T00:30", "America/Los_Angeles"))).as("Monday 09:30 in Berlin").isTrue();
        assertThat(hours.isOpen(at("2025-01-10T20:00", "Asia/Tokyo"))).as("Friday 12:00 in Berlin").isTrue();
    }

    @Test
    void dayRangesWrapAndFullNamesAndMidnightEndWork() {
        ServiceHours hours = parse("{ zone: UTC, fri-mon: \"20:00-24:00\", Wednesday: [\"00:00-01:00\", \"02:00-03:00\"] }");

        assertThat(hours.days()).containsOnlyKeys(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(hours.days().get(DayOfWeek.WEDNESDAY)).containsExactly(
                new TimeRange(LocalTime.of(0, 0), LocalTime.of(1, 0)), new TimeRange(LocalTime.of(2, 0), LocalTime.of(3, 0)));
        assertThat(hours.isOpen(at("2025-01-12T23:59:59.999", "UTC"))).as("Sunday just before midnight").isTrue();
        assertThat(hours.isOpen(at("2025-01-14T23:00", "UTC"))).as("Tuesday").isFalse();
    }

    @Test
    void recordCanBeBuiltDirectly() {
        ServiceHours hours = new ServiceHours(ZoneId.of("Asia/Kolkata"),
                Map.of(DayOfWeek.SUNDAY, List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(11, 0)))));

        assertThat(hours.isOpen(at("2025-01-12T05:00", "UTC"))).as("10:30 in Kolkata").isTrue();
    }

    @Test
    void invalidServiceHoursNameLineAndPath() {
        assertThatThrownBy(() -> parse("{ mon: \"09:00-17:00\" }"))
                .hasMessage("parley.yml:1: service_hours.zone: required key is missing");
        assertThatThrownBy(() -> parse("{ zone: Europe/Berln, mon: \"09:00-17:00\" }"))
                .hasMessage("parley.yml:1: service_hours.zone: 'Europe/Berln' is not a time zone (such as Europe/Berlin or UTC)");
        assertThatThrownBy(() -> parse("{ zone: UTC, mondy: \"09:00-17:00\" }"))
                .hasMessage("parley.yml:1: service_hours.mondy: 'mondy' is neither 'zone' nor a day or range of days"
                        + " (mon..sun, such as mon-fri)");
        assertThatThrownBy(() -> parse("{ zone: UTC, mon: \"17:00-09:00\" }"))
                .hasMessage("parley.yml:1: service_hours.mon: '17:00-09:00' is not a time range such as 09:00-17:00"
                        + " (ranges end after they start; split hours past midnight across two days)");
        assertThatThrownBy(() -> parse("{ zone: UTC, mon: \"09:00-12:00, 11:00-13:00\" }"))
                .hasMessage("parley.yml:1: service_hours.mon: time ranges overlap");
        assertThatThrownBy(() -> parse("{ zone: UTC, mon-fri: \"09:00-17:00\", fri: \"10:00-11:00\" }"))
                .hasMessage("parley.yml:1: service_hours.fri: friday is already set by 'mon-fri'");
        assertThatThrownBy(() -> parse("{ zone: UTC }"))
                .hasMessage("parley.yml:1: service_hours: name at least one day, such as mon-fri: \"09:00-17:00\"");
    }
}
