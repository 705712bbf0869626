package io.jichao.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A floor of a building; its floor plan carries the fault map's points. */
@Entity
public class Floor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Building building;

    private int level;

    private String name;

    @Version
    private long version;

    protected Floor() {
    }

    public Floor(Building building, int level, String name) {
        this.building = building;
        this.level = level;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Building getBuilding() {
        return building;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
