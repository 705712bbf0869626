package io.jichao.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A distribution box (配电箱) on a floor; its building is kept too, for district checks. */
@Entity
public class DistributionBox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Floor floor;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Building building;

    private String code;

    private String name;

    @Version
    private long version;

    protected DistributionBox() {
    }

    public DistributionBox(Floor floor, String code, String name) {
        this.floor = floor;
        this.building = floor.getBuilding();
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Floor getFloor() {
        return floor;
    }

    public Building getBuilding() {
        return building;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
