package io.jichao.archive;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/** A household (a room of a building) with its phone numbers and its kiosk PIN. */
@Entity
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Building building;

    private String room;

    private String name;

    /** BCrypt hash; the PIN itself is never stored. */
    private String kioskPinHash;

    @ElementCollection
    @CollectionTable(name = "household_phone", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "position")
    @Column(name = "phone")
    private List<String> phones = new ArrayList<>();

    @Version
    private long version;

    protected Household() {
    }

    public Household(Building building, String room, String name) {
        this.building = building;
        this.room = room;
        this.name = name;
    }

    /** Room, name and phones in one line: what the meter grid's free-text filter searches. */
    public String searchText() {
        StringBuilder text = new StringBuilder(room).append(' ').append(name);
        phones.forEach(phone -> text.append(' ').append(phone));
        return text.length() <= 400 ? text.toString() : text.substring(0, 400);
    }

    public Long getId() {
        return id;
    }

    public Building getBuilding() {
        return building;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKioskPinHash() {
        return kioskPinHash;
    }

    public void setKioskPinHash(String kioskPinHash) {
        this.kioskPinHash = kioskPinHash;
    }

    public List<String> getPhones() {
        return List.copyOf(phones);
    }

    public void setPhones(List<String> phones) {
        this.phones.clear();
        this.phones.addAll(phones);
    }
}
